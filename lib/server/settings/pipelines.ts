// Pipelines: create, rename, reorder, default, archive and delete (moving
// their opportunities into another pipeline first).
// Each change `foo(actor, input)` runs in its own admin transaction; `fooIn(tx, actor,
// input)` is the same change inside a caller's one (the API's PATCH combines several).
import type { z } from "zod";
import { isPermutation } from "@/lib/domain/pipeline-rules";
import type {
  pipelineArchiveSchema, pipelineCreateSchema, pipelineDeleteSchema, pipelineIdSchema, pipelineRenameSchema,
} from "@/lib/validation/settings-pipelines";
import type { reorderSchema } from "@/lib/validation/settings-common";
import type { Actor } from "../auth/actor";
import { AppError, notFound, validationError } from "../errors";
import { BULK_MOVE_TIMEOUT_MS, adminTransaction, assertAdmin, type Tx } from "./admin";
import { writeAudit } from "./audit";
import { moveStageOpportunities } from "./move-opportunities";

/** A new pipeline starts with a usable set of stages that keeps the open/won/lost rule. */
const STARTER_STAGES = [
  { name: "New", probability: 10, type: "OPEN", color: "#94a3b8", rottingDays: 14, forecastCategory: "PIPELINE" },
  { name: "In progress", probability: 50, type: "OPEN", color: "#60a5fa", rottingDays: 21, forecastCategory: "BEST_CASE" },
  { name: "Won", probability: 100, type: "WON", color: "#10b981", rottingDays: null, forecastCategory: "CLOSED" },
  { name: "Lost", probability: 0, type: "LOST", color: "#ef4444", rottingDays: null, forecastCategory: "OMITTED" },
] as const;

async function loadPipeline(tx: Tx, id: string) {
  const pipeline = await tx.pipeline.findUnique({ where: { id }, include: { stages: { orderBy: { position: "asc" } } } });
  if (!pipeline) throw notFound("Pipeline");
  return pipeline;
}

async function renumber(tx: Tx) {
  const all = await tx.pipeline.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, position: true } });
  for (const [i, p] of all.entries()) if (p.position !== i) await tx.pipeline.update({ where: { id: p.id }, data: { position: i } });
}

export function createPipeline(actor: Actor, input: z.output<typeof pipelineCreateSchema>) {
  return adminTransaction(actor, (tx) => createPipelineIn(tx, actor, input));
}

export async function createPipelineIn(tx: Tx, actor: Actor, input: z.output<typeof pipelineCreateSchema>) {
  assertAdmin(actor);
  const count = await tx.pipeline.count();
  const pipeline = await tx.pipeline.create({
    data: { name: input.name, position: count, isDefault: count === 0, stages: { create: STARTER_STAGES.map((s, i) => ({ ...s, position: i })) } },
  });
  await writeAudit(tx, actor, { action: "pipeline.create", entity: "Pipeline", entityId: pipeline.id, after: { name: pipeline.name } });
  return { id: pipeline.id };
}

export function renamePipeline(actor: Actor, input: z.output<typeof pipelineRenameSchema>) {
  return adminTransaction(actor, (tx) => renamePipelineIn(tx, actor, input));
}

export async function renamePipelineIn(tx: Tx, actor: Actor, input: z.output<typeof pipelineRenameSchema>) {
  assertAdmin(actor);
  const before = await loadPipeline(tx, input.id);
  await tx.pipeline.update({ where: { id: input.id }, data: { name: input.name } });
  await writeAudit(tx, actor, { action: "pipeline.rename", entity: "Pipeline", entityId: input.id, before: { name: before.name }, after: { name: input.name } });
  return { id: input.id };
}

export function reorderPipelines(actor: Actor, input: z.output<typeof reorderSchema>) {
  return adminTransaction(actor, (tx) => reorderPipelinesIn(tx, actor, input));
}

export async function reorderPipelinesIn(tx: Tx, actor: Actor, input: z.output<typeof reorderSchema>) {
  assertAdmin(actor);
  const current = await tx.pipeline.findMany({ orderBy: { position: "asc" }, select: { id: true } });
  if (!isPermutation(current.map((p) => p.id), input.ids)) throw validationError({ ids: "The list of pipelines changed; reload and try again" });
  // Only the positions that change: untouched pipelines keep their updatedAt (the API's concurrency token).
  for (const [i, id] of input.ids.entries()) await tx.pipeline.updateMany({ where: { id, position: { not: i } }, data: { position: i } });
  await writeAudit(tx, actor, { action: "pipeline.reorder", entity: "Pipeline", before: current.map((p) => p.id), after: input.ids });
  return { ids: input.ids };
}

export function setDefaultPipeline(actor: Actor, input: z.output<typeof pipelineIdSchema>) {
  return adminTransaction(actor, (tx) => setDefaultPipelineIn(tx, actor, input));
}

export async function setDefaultPipelineIn(tx: Tx, actor: Actor, input: z.output<typeof pipelineIdSchema>) {
  assertAdmin(actor);
  const pipeline = await loadPipeline(tx, input.id);
  if (pipeline.isArchived) throw new AppError("CONFLICT", "An archived pipeline cannot be the default; restore it first");
  const previous = await tx.pipeline.findFirst({ where: { isDefault: true }, select: { id: true } });
  await tx.pipeline.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
  await tx.pipeline.update({ where: { id: input.id }, data: { isDefault: true } });
  await writeAudit(tx, actor, { action: "pipeline.setDefault", entity: "Pipeline", entityId: input.id, before: { defaultPipelineId: previous?.id ?? null }, after: { defaultPipelineId: input.id } });
  return { id: input.id };
}

export function archivePipeline(actor: Actor, input: z.output<typeof pipelineArchiveSchema>) {
  return adminTransaction(actor, (tx) => archivePipelineIn(tx, actor, input));
}

export async function archivePipelineIn(tx: Tx, actor: Actor, input: z.output<typeof pipelineArchiveSchema>) {
  assertAdmin(actor);
  const pipeline = await loadPipeline(tx, input.id);
  if (input.archived && pipeline.isDefault) throw new AppError("CONFLICT", "The default pipeline cannot be archived; make another pipeline the default first");
  await tx.pipeline.update({ where: { id: input.id }, data: { isArchived: input.archived } });
  await writeAudit(tx, actor, { action: input.archived ? "pipeline.archive" : "pipeline.restore", entity: "Pipeline", entityId: input.id, before: { isArchived: pipeline.isArchived }, after: { isArchived: input.archived } });
  return { id: input.id };
}

/**
 * Deletes a pipeline. Its opportunities first move, with their history, into
 * the target pipeline through `stageMap` (every stage that holds any must be
 * mapped to a stage of the target pipeline).
 */
export function deletePipeline(actor: Actor, input: z.output<typeof pipelineDeleteSchema>) {
  return adminTransaction(actor, (tx) => deletePipelineIn(tx, actor, input), BULK_MOVE_TIMEOUT_MS);
}

export async function deletePipelineIn(tx: Tx, actor: Actor, input: z.output<typeof pipelineDeleteSchema>) {
  assertAdmin(actor);
  const pipeline = await loadPipeline(tx, input.id);
  if (pipeline.isDefault) throw new AppError("CONFLICT", "The default pipeline cannot be deleted; make another pipeline the default first");
  const counts = await tx.opportunity.groupBy({ by: ["stageId"], where: { pipelineId: pipeline.id }, _count: { _all: true } });
  let moved = 0;
  if (counts.length > 0) {
    const held = counts.reduce((n, c) => n + c._count._all, 0);
    // Nothing chosen is a conflict with what the pipeline holds (409 in the API); a wrong choice is invalid input.
    if (!input.targetPipelineId) {
      throw new AppError("CONFLICT", `This pipeline holds ${held} opportunities; choose the pipeline and stages that take them`, {
        targetPipelineId: "Choose the pipeline that receives its opportunities",
      });
    }
    if (input.targetPipelineId === pipeline.id) {
      throw validationError({ targetPipelineId: "Choose the pipeline that receives its opportunities" });
    }
    const target = await tx.pipeline.findUnique({ where: { id: input.targetPipelineId }, include: { stages: { orderBy: { position: "asc" } } } });
    if (!target) throw validationError({ targetPipelineId: "No such pipeline" });
    const targetStageIds = new Set(target.stages.map((s) => s.id));
    const missing: Record<string, string> = {};
    for (const c of counts) {
      const to = input.stageMap[c.stageId];
      if (!to || !targetStageIds.has(to)) missing[`stageMap.${c.stageId}`] = `Choose a stage of ${target.name}`;
    }
    if (Object.keys(missing).length) throw validationError(missing, "Map every stage that holds opportunities");
    for (const c of counts) {
      moved += await moveStageOpportunities(tx, actor, c.stageId, input.stageMap[c.stageId], { lostReasonId: input.lostReasonId, field: `stageMap.${c.stageId}` });
    }
  }
  await tx.stage.deleteMany({ where: { pipelineId: pipeline.id } });
  await tx.pipeline.delete({ where: { id: pipeline.id } });
  await renumber(tx);
  await writeAudit(tx, actor, {
    action: "pipeline.delete", entity: "Pipeline", entityId: pipeline.id,
    before: { name: pipeline.name, stages: pipeline.stages.map((s) => s.name) },
    after: { movedOpportunities: moved, targetPipelineId: input.targetPipelineId, stageMap: input.stageMap },
  });
  return { id: pipeline.id, moved };
}
