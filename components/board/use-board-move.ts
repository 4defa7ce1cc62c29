"use client";
// One hook for a card move: the card lands at once (optimistic), the server
// decides, and a refusal puts it back with a toast saying why. Moves run one
// after another (one scope) so each sends the version the previous one
// returned; SQL totals replace the optimistic ones after every move. The
// board's data is a query, so nothing here refreshes the page.
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useAction } from "@/components/ui/use-action";
import { moveCardAction } from "@/lib/actions/board";
import type { BoardData } from "@/lib/server/board/board";
import type { BoardFilters } from "@/lib/validation/board";
import { fetchTotals } from "./board-api";
import { applyMove, findCard, patchCard, withTotals, type CardMove } from "./board-cache";

export interface MoveVariables extends CardMove {
  title: string;
  version: number;
  beforeId: string | null;
  afterId: string | null;
  lost?: { lostReasonId: string; lostNote: string; competitor: string };
}

export function useBoardMove(options: { queryKey: readonly unknown[]; pipelineId: string; filters: BoardFilters }) {
  const { queryKey, pipelineId, filters } = options;
  const client = useQueryClient();
  const read = () => client.getQueryData<BoardData>(queryKey);
  const write = (update: (data: BoardData) => BoardData) => client.setQueryData<BoardData>(queryKey, (d) => (d ? update(d) : d));

  // The version is read from the cache when the move runs, after the previous move of the scope has written its own.
  const move = (v: MoveVariables) => {
    const data = read();
    return moveCardAction({
      opportunityId: v.cardId,
      stageId: v.toStageId,
      beforeId: v.beforeId,
      afterId: v.afterId,
      expectedVersion: (data && findCard(data, v.cardId)?.card.version) ?? v.version,
      ...(v.lost ?? {}),
    });
  };

  return useAction(move, {
    scope: "board-move",
    optimistic: async (_client, v) => {
      await client.cancelQueries({ queryKey });
      const previous = read();
      write((d) => applyMove(d, v));
      return () => {
        if (previous) client.setQueryData(queryKey, previous);
      };
    },
    failure: false,
    onFailure: (error, v) => {
      toast.error(`“${v.title}” was not moved`, { description: error.message });
      void client.invalidateQueries({ queryKey });
    },
    update: async (_client, moved) => {
      write((d) => patchCard(d, moved.id, { version: moved.version, rank: moved.rank, probability: moved.probability }));
      if (moved.status === "WON" && moved.stageChanged) toast.success(`“${moved.title}” won`, { description: "Congratulations! It now counts as closed." });
      if (moved.status === "LOST" && moved.stageChanged) toast(`“${moved.title}” marked as lost`);
      const totals = await fetchTotals(pipelineId, filters).catch(() => null);
      if (totals) write((d) => withTotals(d, totals));
    },
  });
}
