// The API's stage writes: the stage editor's services (admin only, audited,
// keeping the open/won/lost rule) in ONE transaction behind the row lock of
// optimistic concurrency. A PATCH sends only what changes; the rest is the
// stage as it is.
import type { z } from "zod";
import { movedTo, stageSetProblem } from "@/lib/domain/pipeline-rules";
import type { stageApiCreateSchema, stageApiDeleteQuery, stageApiUpdateSchema } from "@/lib/validation/api-pipelines";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { lockUnchanged } from "../row-lock";
import { BULK_MOVE_TIMEOUT_MS, adminTransaction, type Tx } from "../settings/admin";
import { createStageIn, deleteStageIn, reorderStagesIn, updateStageIn } from "../settings/stages";
import { stageOrder, type StageDto } from "./dto";
import { getStage } from "./read";

export function createStageForApi(actor: Actor, input: z.output<typeof stageApiCreateSchema>): Promise<StageDto> {
  return adminTransaction(actor, async (tx) => {
    const { probability, ...rest } = input;
    // Won and lost stages take 100 and 0 whatever is sent (normalizeStageOdds); the schema requires it for open ones.
    const { id } = await createStageIn(tx, actor, { ...rest, probability: probability ?? (input.type === "WON" ? 100 : 0) });
    return getStage(actor, id, tx);
  });
}

const pipelineStageIds = async (tx: Tx, pipelineId: string) =>
  (await tx.stage.findMany({ where: { pipelineId }, orderBy: stageOrder, select: { id: true } })).map((s) => s.id);

export function updateStageForApi(actor: Actor, id: string, patch: Omit<z.output<typeof stageApiUpdateSchema>, "updatedAt">, expected: Date | null): Promise<StageDto> {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Stage", id, expected);
    const current = await tx.stage.findUniqueOrThrow({ where: { id } });
    const { position, applyToOpen, ...fields } = patch;
    if (Object.values(fields).some((v) => v !== undefined)) {
      const pick = <K extends keyof typeof fields>(k: K) => (fields[k] !== undefined ? fields[k] : current[k]);
      await updateStageIn(tx, actor, {
        id, applyToOpen,
        name: pick("name")!, type: pick("type")!, probability: pick("probability")!, color: pick("color")!,
        rottingDays: pick("rottingDays") ?? null, forecastCategory: pick("forecastCategory")!,
      });
    }
    if (position !== undefined) {
      const ids = await pipelineStageIds(tx, current.pipelineId);
      const order = movedTo(ids, id, position);
      if (order.some((x, i) => x !== ids[i])) await reorderStagesIn(tx, actor, { pipelineId: current.pipelineId, ids: order });
    }
    return getStage(actor, id, tx);
  });
}

/**
 * Deleting a stage that holds opportunities needs targetStageId (409 without);
 * the last open, won or lost stage of a pipeline cannot go (409).
 */
export function deleteStageForApi(actor: Actor, id: string, query: z.output<typeof stageApiDeleteQuery>, expected: Date | null) {
  return adminTransaction(
    actor,
    async (tx) => {
      await lockUnchanged(tx, "Stage", id, expected);
      const stage = await tx.stage.findUniqueOrThrow({ where: { id } });
      const others = await tx.stage.findMany({ where: { pipelineId: stage.pipelineId, NOT: { id } }, select: { type: true } });
      const problem = stageSetProblem(others);
      if (problem) throw new AppError("CONFLICT", problem);
      const { moved } = await deleteStageIn(tx, actor, { id, targetStageId: query.targetStageId ?? null, lostReasonId: query.lostReasonId ?? null });
      return { id, deleted: true as const, movedOpportunities: moved };
    },
    BULK_MOVE_TIMEOUT_MS,
  );
}
