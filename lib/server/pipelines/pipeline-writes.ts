// The API's pipeline writes: the settings services (admin only, audited) run
// together in ONE transaction, behind the row lock of optimistic concurrency,
// so a PATCH that changes several things changes all of them or nothing.
import type { z } from "zod";
import { movedTo } from "@/lib/domain/pipeline-rules";
import type { pipelineApiCreateSchema, pipelineApiDeleteQuery, pipelineApiUpdateSchema } from "@/lib/validation/api-pipelines";
import type { Actor } from "../auth/actor";
import { lockUnchanged } from "../row-lock";
import { BULK_MOVE_TIMEOUT_MS, adminTransaction, type Tx } from "../settings/admin";
import { archivePipelineIn, createPipelineIn, deletePipelineIn, renamePipelineIn, reorderPipelinesIn, setDefaultPipelineIn } from "../settings/pipelines";
import type { PipelineDto } from "./dto";
import { getPipeline } from "./read";

/** A new pipeline comes with the starter stages (New, In progress, Won, Lost), as in Settings. */
export function createPipelineForApi(actor: Actor, input: z.output<typeof pipelineApiCreateSchema>): Promise<PipelineDto> {
  return adminTransaction(actor, async (tx) => {
    const { id } = await createPipelineIn(tx, actor, input);
    return getPipeline(actor, id, tx);
  });
}

async function movePipeline(tx: Tx, actor: Actor, id: string, position: number) {
  const ids = (await tx.pipeline.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } })).map((p) => p.id);
  const order = movedTo(ids, id, position);
  if (order.some((x, i) => x !== ids[i])) await reorderPipelinesIn(tx, actor, { ids: order });
}

export function updatePipelineForApi(
  actor: Actor,
  id: string,
  patch: Omit<z.output<typeof pipelineApiUpdateSchema>, "updatedAt">,
  expected: Date | null,
): Promise<PipelineDto> {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Pipeline", id, expected);
    const current = await tx.pipeline.findUniqueOrThrow({ where: { id } });
    if (patch.name !== undefined && patch.name !== current.name) await renamePipelineIn(tx, actor, { id, name: patch.name });
    // Restore before making it the default; archive after (the default cannot be archived).
    if (patch.isArchived === false && current.isArchived) await archivePipelineIn(tx, actor, { id, archived: false });
    if (patch.isDefault && !current.isDefault) await setDefaultPipelineIn(tx, actor, { id });
    if (patch.isArchived === true && !current.isArchived) await archivePipelineIn(tx, actor, { id, archived: true });
    if (patch.position !== undefined) await movePipeline(tx, actor, id, patch.position);
    return getPipeline(actor, id, tx);
  });
}

/** Deleting one that holds opportunities needs a target pipeline and a stage map (409 without). */
export function deletePipelineForApi(actor: Actor, id: string, query: z.output<typeof pipelineApiDeleteQuery>, expected: Date | null) {
  return adminTransaction(
    actor,
    async (tx) => {
      await lockUnchanged(tx, "Pipeline", id, expected);
      const { moved } = await deletePipelineIn(tx, actor, {
        id,
        targetPipelineId: query.targetPipelineId ?? null,
        stageMap: query.stageMap ?? {},
        lostReasonId: query.lostReasonId ?? null,
      });
      return { id, deleted: true as const, movedOpportunities: moved };
    },
    BULK_MOVE_TIMEOUT_MS,
  );
}
