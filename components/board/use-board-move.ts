"use client";
// One hook for a card move: the card lands at once (optimistic), the server
// decides, and a refusal puts it back with a toast saying why. Moves run one
// after another (mutation scope) so each sends the version the previous one
// returned; SQL totals replace the optimistic ones after every move.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/server/action";
import type { BoardData } from "@/lib/server/board/board";
import type { MovedOpportunity } from "@/lib/server/opportunities/move";
import type { BoardFilters } from "@/lib/validation/board";
import type { MoveOpportunityInput } from "@/lib/validation/move";
import { fetchTotals } from "./board-api";
import { applyMove, findCard, patchCard, withTotals, type CardMove } from "./board-cache";

export type MoveAction = (input: MoveOpportunityInput) => Promise<ActionResult<MovedOpportunity>>;

export interface MoveVariables extends CardMove {
  title: string;
  version: number;
  beforeId: string | null;
  afterId: string | null;
  lost?: { lostReasonId: string; lostNote: string; competitor: string };
}

export function useBoardMove(options: { queryKey: readonly unknown[]; pipelineId: string; filters: BoardFilters; moveAction: MoveAction }) {
  const { queryKey, pipelineId, filters, moveAction } = options;
  const client = useQueryClient();
  const read = () => client.getQueryData<BoardData>(queryKey);
  const write = (update: (data: BoardData) => BoardData) => client.setQueryData<BoardData>(queryKey, (d) => (d ? update(d) : d));

  return useMutation({
    scope: { id: "board-move" },
    mutationFn: async (v: MoveVariables) => {
      const data = read();
      const result = await moveAction({
        opportunityId: v.cardId,
        stageId: v.toStageId,
        beforeId: v.beforeId,
        afterId: v.afterId,
        expectedVersion: (data && findCard(data, v.cardId)?.card.version) ?? v.version,
        ...(v.lost ?? {}),
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey });
      const previous = read();
      write((d) => applyMove(d, v));
      return { previous };
    },
    onError: (error, v, context) => {
      if (context?.previous) client.setQueryData(queryKey, context.previous);
      toast.error(`“${v.title}” was not moved`, { description: error.message });
      void client.invalidateQueries({ queryKey });
    },
    onSuccess: async (moved) => {
      write((d) => patchCard(d, moved.id, { version: moved.version, rank: moved.rank, probability: moved.probability }));
      if (moved.status === "WON" && moved.stageChanged) toast.success(`“${moved.title}” won`, { description: "Congratulations! It now counts as closed." });
      if (moved.status === "LOST" && moved.stageChanged) toast(`“${moved.title}” marked as lost`);
      const totals = await fetchTotals(pipelineId, filters).catch(() => null);
      if (totals) write((d) => withTotals(d, totals));
    },
  });
}
