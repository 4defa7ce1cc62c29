// The stage editor's services. Every change keeps the pipeline's open/won/lost
// rule (lib/domain/pipeline-rules.ts) and is audited.
// Each change `foo(actor, input)` runs in its own admin transaction; `fooIn(tx, actor,
// input)` is the same change inside a caller's one (the API's PATCH combines several).
import type { z } from "zod";
import { insertionIndex, isPermutation, normalizeStageOdds, stageSetProblem } from "@/lib/domain/pipeline-rules";
import type { stageCreateSchema, stageDeleteSchema, stageReorderSchema, stageUpdateSchema } from "@/lib/validation/settings-pipelines";
import type { Actor } from "../auth/actor";
import { AppError, notFound, validationError } from "../errors";
import { BULK_MOVE_TIMEOUT_MS, adminTransaction, assertAdmin, type Tx } from "./admin";
import { writeAudit } from "./audit";
import { moveStageOpportunities } from "./move-opportunities";

async function pipelineStages(tx: Tx, pipelineId: string) {
  const pipeline = await tx.pipeline.findUnique({ where: { id: pipelineId }, include: { stages: { orderBy: { position: "asc" } } } });
  if (!pipeline) throw notFound("Pipeline");
  return pipeline.stages;
}

/** Writes only the positions that change, so untouched stages keep their updatedAt (the API's concurrency token). */
async function writePositions(tx: Tx, ids: string[]) {
  for (const [i, id] of ids.entries()) await tx.stage.updateMany({ where: { id, position: { not: i } }, data: { position: i } });
}

function refuseIfBroken(stages: { type: "OPEN" | "WON" | "LOST" }[], field: string) {
  const problem = stageSetProblem(stages);
  if (problem) throw new AppError("VALIDATION", problem, { [field]: problem });
}

const stageAudit = (s: { name: string; probability: number; type: string; color: string; rottingDays: number | null; forecastCategory: string; position?: number }) => ({
  name: s.name, probability: s.probability, type: s.type, color: s.color, rottingDays: s.rottingDays, forecastCategory: s.forecastCategory,
});

export function createStage(actor: Actor, input: z.output<typeof stageCreateSchema>) {
  return adminTransaction(actor, (tx) => createStageIn(tx, actor, input));
}

export async function createStageIn(tx: Tx, actor: Actor, input: z.output<typeof stageCreateSchema>) {
  assertAdmin(actor);
  const stages = await pipelineStages(tx, input.pipelineId);
  if (input.afterStageId && !stages.some((s) => s.id === input.afterStageId)) throw validationError({ afterStageId: "Choose a stage of this pipeline" });
  const at = insertionIndex(stages, input.afterStageId, input.type);
  const odds = normalizeStageOdds(input);
  const stage = await tx.stage.create({
    data: { pipelineId: input.pipelineId, name: input.name, color: input.color, rottingDays: input.rottingDays, ...odds, position: stages.length },
  });
  const order = stages.map((s) => s.id);
  order.splice(at, 0, stage.id);
  await writePositions(tx, order);
  await writeAudit(tx, actor, { action: "stage.create", entity: "Stage", entityId: stage.id, after: { pipelineId: input.pipelineId, position: at, ...stageAudit(stage) } });
  return { id: stage.id };
}

/**
 * Edits a stage. A stage that holds opportunities keeps its type (their status
 * follows it); `applyToOpen` gives a new probability and category to the open
 * opportunities that have not overridden theirs.
 */
export function updateStage(actor: Actor, input: z.output<typeof stageUpdateSchema>) {
  return adminTransaction(actor, (tx) => updateStageIn(tx, actor, input));
}

export async function updateStageIn(tx: Tx, actor: Actor, input: z.output<typeof stageUpdateSchema>) {
  assertAdmin(actor);
  const before = await tx.stage.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("Stage");
  const odds = normalizeStageOdds(input);
  if (odds.type !== before.type) {
    const held = await tx.opportunity.count({ where: { stageId: before.id } });
    if (held > 0) {
      throw validationError({ type: `This stage holds ${held} opportunities whose status follows its type; move them to another stage first` }, "The type of a stage that holds opportunities cannot change");
    }
    const stages = await pipelineStages(tx, before.pipelineId);
    refuseIfBroken(stages.map((s) => (s.id === before.id ? { type: odds.type } : s)), "type");
  }
  const after = await tx.stage.update({ where: { id: input.id }, data: { name: input.name, color: input.color, rottingDays: input.rottingDays, ...odds } });
  let updatedOpportunities = 0;
  if (input.applyToOpen && odds.type === "OPEN") {
    // Only rows whose value really changes get a new version.
    const p = await tx.opportunity.updateMany({
      where: { stageId: after.id, status: "OPEN", probabilityOverridden: false, probability: { not: odds.probability } },
      data: { probability: odds.probability, version: { increment: 1 } },
    });
    await tx.opportunity.updateMany({
      where: { stageId: after.id, status: "OPEN", forecastCategoryOverridden: false, forecastCategory: { not: odds.forecastCategory } },
      data: { forecastCategory: odds.forecastCategory, version: { increment: 1 } },
    });
    updatedOpportunities = p.count;
  }
  await writeAudit(tx, actor, {
    action: "stage.update", entity: "Stage", entityId: after.id,
    before: stageAudit(before), after: { ...stageAudit(after), appliedToOpenOpportunities: updatedOpportunities },
  });
  return { id: after.id, updatedOpportunities };
}

export function reorderStages(actor: Actor, input: z.output<typeof stageReorderSchema>) {
  return adminTransaction(actor, (tx) => reorderStagesIn(tx, actor, input));
}

export async function reorderStagesIn(tx: Tx, actor: Actor, input: z.output<typeof stageReorderSchema>) {
  assertAdmin(actor);
  const stages = await pipelineStages(tx, input.pipelineId);
  const before = stages.map((s) => s.id);
  if (!isPermutation(before, input.ids)) throw validationError({ ids: "The stages changed meanwhile; reload and try again" });
  await writePositions(tx, input.ids);
  const name = new Map(stages.map((s) => [s.id, s.name]));
  await writeAudit(tx, actor, { action: "stage.reorder", entity: "Pipeline", entityId: input.pipelineId, before: before.map((id) => name.get(id)), after: input.ids.map((id) => name.get(id)) });
  return { ids: input.ids };
}

/** Deletes a stage, first moving its opportunities (with history) to another stage of the same pipeline. */
export function deleteStage(actor: Actor, input: z.output<typeof stageDeleteSchema>) {
  return adminTransaction(actor, (tx) => deleteStageIn(tx, actor, input), BULK_MOVE_TIMEOUT_MS);
}

export async function deleteStageIn(tx: Tx, actor: Actor, input: z.output<typeof stageDeleteSchema>) {
  assertAdmin(actor);
  const stage = await tx.stage.findUnique({ where: { id: input.id } });
  if (!stage) throw notFound("Stage");
  const stages = await pipelineStages(tx, stage.pipelineId);
  refuseIfBroken(stages.filter((s) => s.id !== stage.id), "id");
  const held = await tx.opportunity.count({ where: { stageId: stage.id } });
  let moved = 0;
  if (held > 0) {
    const choose = `Choose another stage of this pipeline for its ${held} opportunities`;
    // Nothing chosen is a conflict with what the stage holds (409 in the API); a wrong choice is invalid input.
    if (!input.targetStageId) throw new AppError("CONFLICT", `This stage holds ${held} opportunities; choose the stage that takes them`, { targetStageId: choose });
    const target = stages.find((s) => s.id === input.targetStageId && s.id !== stage.id);
    if (!target) throw validationError({ targetStageId: choose });
    moved = await moveStageOpportunities(tx, actor, stage.id, target.id, { lostReasonId: input.lostReasonId, field: "targetStageId" });
  }
  await tx.stage.delete({ where: { id: stage.id } });
  await writePositions(tx, stages.filter((s) => s.id !== stage.id).map((s) => s.id));
  await writeAudit(tx, actor, {
    action: "stage.delete", entity: "Stage", entityId: stage.id,
    before: { pipelineId: stage.pipelineId, ...stageAudit(stage) }, after: { movedOpportunities: moved, targetStageId: input.targetStageId },
  });
  return { id: stage.id, moved };
}
