// Changing pipelines (admins only), for the settings screen and the REST API
// alike: create (with starter stages), rename, move, make the default, archive
// or restore. A change runs in one transaction behind the row lock of
// optimistic concurrency, so a PATCH that changes several things changes all
// of them or nothing; each step is audited. Deleting a pipeline is delete.ts.
import { isPermutation, movedTo } from "@/lib/domain/pipeline-rules";
import type { PipelinePatch } from "@/lib/validation/pipelines";
import type { Actor } from "../auth/actor";
import { adminTransaction, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, validationError } from "../errors";
import { lockUnchanged } from "../row-lock";
import { pipelineOrder, type PipelineDto } from "./dto";
import { getPipeline } from "./read";

/** A new pipeline starts with a usable set of stages that keeps the open/won/lost rule. */
const STARTER_STAGES = [
  { name: "New", probability: 10, type: "OPEN", color: "#94a3b8", rottingDays: 14, forecastCategory: "PIPELINE" },
  { name: "In progress", probability: 50, type: "OPEN", color: "#60a5fa", rottingDays: 21, forecastCategory: "BEST_CASE" },
  { name: "Won", probability: 100, type: "WON", color: "#10b981", rottingDays: null, forecastCategory: "CLOSED" },
  { name: "Lost", probability: 0, type: "LOST", color: "#ef4444", rottingDays: null, forecastCategory: "OMITTED" },
] as const;

export function createPipeline(actor: Actor, input: { name: string }): Promise<PipelineDto> {
  return adminTransaction(actor, async (tx) => {
    const count = await tx.pipeline.count();
    const pipeline = await tx.pipeline.create({
      data: { name: input.name, position: count, isDefault: count === 0, stages: { create: STARTER_STAGES.map((s, i) => ({ ...s, position: i })) } },
    });
    await writeAudit(tx, actor, { action: "pipeline.create", entity: "Pipeline", entityId: pipeline.id, after: { name: pipeline.name } });
    return getPipeline(actor, pipeline.id, tx);
  });
}

// Each step of a PATCH reads the row as the steps before it left it.
const load = (tx: Tx, id: string) => tx.pipeline.findUniqueOrThrow({ where: { id } });

async function rename(tx: Tx, actor: Actor, id: string, name: string) {
  const before = await load(tx, id);
  await tx.pipeline.update({ where: { id }, data: { name } });
  await writeAudit(tx, actor, { action: "pipeline.rename", entity: "Pipeline", entityId: id, before: { name: before.name }, after: { name } });
}

async function makeDefault(tx: Tx, actor: Actor, id: string) {
  if ((await load(tx, id)).isArchived) throw new AppError("CONFLICT", "An archived pipeline cannot be the default; restore it first");
  const previous = await tx.pipeline.findFirst({ where: { isDefault: true }, select: { id: true } });
  await tx.pipeline.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
  await tx.pipeline.update({ where: { id }, data: { isDefault: true } });
  await writeAudit(tx, actor, { action: "pipeline.setDefault", entity: "Pipeline", entityId: id, before: { defaultPipelineId: previous?.id ?? null }, after: { defaultPipelineId: id } });
}

async function archive(tx: Tx, actor: Actor, id: string, archived: boolean) {
  const pipeline = await load(tx, id);
  if (archived && pipeline.isDefault) throw new AppError("CONFLICT", "The default pipeline cannot be archived; make another pipeline the default first");
  await tx.pipeline.update({ where: { id }, data: { isArchived: archived } });
  await writeAudit(tx, actor, { action: archived ? "pipeline.archive" : "pipeline.restore", entity: "Pipeline", entityId: id, before: { isArchived: pipeline.isArchived }, after: { isArchived: archived } });
}

/**
 * PATCH: fields not sent stay as they are; all of it happens or none.
 * `expected`: the updatedAt the client read (stale: CONFLICT).
 */
export function updatePipeline(actor: Actor, id: string, patch: PipelinePatch, expected: Date | null = null): Promise<PipelineDto> {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Pipeline", id, expected);
    const current = await tx.pipeline.findUniqueOrThrow({ where: { id } });
    if (patch.name !== undefined && patch.name !== current.name) await rename(tx, actor, id, patch.name);
    // Restore before making it the default; archive after (the default cannot be archived).
    if (patch.isArchived === false && current.isArchived) await archive(tx, actor, id, false);
    if (patch.isDefault && !current.isDefault) await makeDefault(tx, actor, id);
    if (patch.isArchived === true && !current.isArchived) await archive(tx, actor, id, true);
    if (patch.position !== undefined) {
      const ids = (await tx.pipeline.findMany({ orderBy: pipelineOrder, select: { id: true } })).map((p) => p.id);
      const order = movedTo(ids, id, patch.position);
      if (order.some((x, i) => x !== ids[i])) await reorderPipelinesIn(tx, actor, { ids: order });
    }
    return getPipeline(actor, id, tx);
  });
}

/** The settings screen's move buttons: every pipeline's id in the new order. */
export function reorderPipelines(actor: Actor, input: { ids: string[] }) {
  return adminTransaction(actor, (tx) => reorderPipelinesIn(tx, actor, input));
}

async function reorderPipelinesIn(tx: Tx, actor: Actor, input: { ids: string[] }) {
  const current = await tx.pipeline.findMany({ orderBy: pipelineOrder, select: { id: true } });
  if (!isPermutation(current.map((p) => p.id), input.ids)) throw validationError({ ids: "The list of pipelines changed; reload and try again" });
  // Only the positions that change: untouched pipelines keep their updatedAt (the API's concurrency token).
  for (const [i, id] of input.ids.entries()) await tx.pipeline.updateMany({ where: { id, position: { not: i } }, data: { position: i } });
  await writeAudit(tx, actor, { action: "pipeline.reorder", entity: "Pipeline", before: current.map((p) => p.id), after: input.ids });
  return { ids: input.ids };
}
