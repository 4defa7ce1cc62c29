// Changing stages (admins only), for the settings stage editor and the REST
// API alike: every change keeps the pipeline's open/won/lost rule
// (lib/domain/pipeline-rules.ts), runs in one transaction behind the row lock
// of optimistic concurrency, and is audited. Deleting a stage is delete.ts.
import { insertionIndex, isPermutation, movedTo, normalizeStageOdds, stageSetProblem } from "@/lib/domain/pipeline-rules";
import type { StageCreateInput, StagePatch } from "@/lib/validation/stages";
import type { Actor } from "../auth/actor";
import { adminTransaction, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, notFound, validationError } from "../errors";
import { lockUnchanged } from "../row-lock";
import { stageOrder, type StageDto } from "./dto";
import { getStage } from "./read";
import { eventActor } from "../events/write";
import { changingOpportunities } from "../opportunities/events";

type StageRow = Awaited<ReturnType<Tx["stage"]["findUniqueOrThrow"]>>;

export async function pipelineStages(tx: Tx, pipelineId: string) {
  const pipeline = await tx.pipeline.findUnique({ where: { id: pipelineId }, include: { stages: { orderBy: stageOrder } } });
  if (!pipeline) throw notFound("Pipeline");
  return pipeline.stages;
}

/** Writes only the positions that change, so untouched stages keep their updatedAt (the API's concurrency token). */
export async function writePositions(tx: Tx, ids: string[]) {
  for (const [i, id] of ids.entries()) await tx.stage.updateMany({ where: { id, position: { not: i } }, data: { position: i } });
}

export const stageAudit = (s: Pick<StageRow, "name" | "probability" | "type" | "color" | "rottingDays" | "forecastCategory">) => ({
  name: s.name, probability: s.probability, type: s.type, color: s.color, rottingDays: s.rottingDays, forecastCategory: s.forecastCategory,
});

/** Open stages go after the last open one unless `afterStageId` says where; won stages are 100 %, lost ones 0 %. */
export function createStage(actor: Actor, input: StageCreateInput): Promise<StageDto> {
  return adminTransaction(actor, async (tx) => {
    const stages = await pipelineStages(tx, input.pipelineId);
    if (input.afterStageId && !stages.some((s) => s.id === input.afterStageId)) throw validationError({ afterStageId: "Choose a stage of this pipeline" });
    const at = insertionIndex(stages, input.afterStageId, input.type);
    // The schema requires a probability for open stages; won and lost ones take 100 and 0 whatever is sent.
    const odds = normalizeStageOdds({ type: input.type, probability: input.probability ?? 0, forecastCategory: input.forecastCategory });
    const stage = await tx.stage.create({
      data: { pipelineId: input.pipelineId, name: input.name, color: input.color, rottingDays: input.rottingDays, ...odds, position: stages.length },
    });
    const order = stages.map((s) => s.id);
    order.splice(at, 0, stage.id);
    await writePositions(tx, order);
    await writeAudit(tx, actor, { action: "stage.create", entity: "Stage", entityId: stage.id, after: { pipelineId: input.pipelineId, position: at, ...stageAudit(stage) } });
    return getStage(actor, stage.id, tx);
  });
}

/**
 * A stage that holds opportunities keeps its type (their status follows it);
 * `applyToOpen` gives a new probability and category to the open opportunities
 * that have not overridden theirs. Returns how many took the new probability.
 */
async function editStage(tx: Tx, actor: Actor, before: StageRow, edit: Required<Omit<StagePatch, "position">>): Promise<number> {
  const odds = normalizeStageOdds(edit);
  if (odds.type !== before.type) {
    const held = await tx.opportunity.count({ where: { stageId: before.id } });
    if (held > 0) {
      throw validationError({ type: `This stage holds ${held} opportunities whose status follows its type; move them to another stage first` }, "The type of a stage that holds opportunities cannot change");
    }
    const stages = await pipelineStages(tx, before.pipelineId);
    const problem = stageSetProblem(stages.map((s) => (s.id === before.id ? { type: odds.type } : s)));
    if (problem) throw new AppError("VALIDATION", problem, { type: problem });
  }
  const after = await tx.stage.update({ where: { id: before.id }, data: { name: edit.name, color: edit.color, rottingDays: edit.rottingDays, ...odds } });
  let updatedOpportunities = 0;
  if (edit.applyToOpen && odds.type === "OPEN") {
    // Only rows whose value really changes get a new version (and an event).
    const probabilityWhere = { stageId: after.id, status: "OPEN" as const, probabilityOverridden: false, probability: { not: odds.probability } };
    const categoryWhere = { stageId: after.id, status: "OPEN" as const, forecastCategoryOverridden: false, forecastCategory: { not: odds.forecastCategory } };
    const ids = (await tx.opportunity.findMany({ where: { OR: [probabilityWhere, categoryWhere] }, select: { id: true } })).map((o) => o.id);
    updatedOpportunities = await changingOpportunities(tx, ids, eventActor(actor), new Date(), async () => {
      const p = await tx.opportunity.updateMany({ where: probabilityWhere, data: { probability: odds.probability, version: { increment: 1 } } });
      await tx.opportunity.updateMany({ where: categoryWhere, data: { forecastCategory: odds.forecastCategory, version: { increment: 1 } } });
      return p.count;
    });
  }
  await writeAudit(tx, actor, {
    action: "stage.update", entity: "Stage", entityId: after.id,
    before: stageAudit(before), after: { ...stageAudit(after), appliedToOpenOpportunities: updatedOpportunities },
  });
  return updatedOpportunities;
}

/**
 * PATCH: fields not sent stay as they are; `position` moves the stage inside its
 * pipeline. `expected`: the updatedAt the client read (stale: CONFLICT).
 */
export function updateStage(actor: Actor, id: string, patch: StagePatch, expected: Date | null = null): Promise<{ stage: StageDto; updatedOpportunities: number }> {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Stage", id, expected);
    const current = await tx.stage.findUniqueOrThrow({ where: { id } });
    const { position, applyToOpen, ...fields } = patch;
    let updatedOpportunities = 0;
    if (Object.values(fields).some((v) => v !== undefined)) {
      const pick = <K extends keyof typeof fields>(k: K) => (fields[k] !== undefined ? fields[k] : current[k]);
      updatedOpportunities = await editStage(tx, actor, current, {
        applyToOpen, name: pick("name")!, type: pick("type")!, probability: pick("probability")!, color: pick("color")!,
        rottingDays: pick("rottingDays") ?? null, forecastCategory: pick("forecastCategory")!,
      });
    }
    if (position !== undefined) {
      const ids = (await pipelineStages(tx, current.pipelineId)).map((s) => s.id);
      const order = movedTo(ids, id, position);
      if (order.some((x, i) => x !== ids[i])) await reorderStagesIn(tx, actor, { pipelineId: current.pipelineId, ids: order });
    }
    return { stage: await getStage(actor, id, tx), updatedOpportunities };
  });
}

/** The stage editor's drag and drop: the pipeline's whole list of stages in its new order. */
export function reorderStages(actor: Actor, input: { pipelineId: string; ids: string[] }) {
  return adminTransaction(actor, (tx) => reorderStagesIn(tx, actor, input));
}

async function reorderStagesIn(tx: Tx, actor: Actor, input: { pipelineId: string; ids: string[] }) {
  const stages = await pipelineStages(tx, input.pipelineId);
  const before = stages.map((s) => s.id);
  if (!isPermutation(before, input.ids)) throw validationError({ ids: "The stages changed meanwhile; reload and try again" });
  await writePositions(tx, input.ids);
  const name = new Map(stages.map((s) => [s.id, s.name]));
  await writeAudit(tx, actor, { action: "stage.reorder", entity: "Pipeline", entityId: input.pipelineId, before: before.map((id) => name.get(id)), after: input.ids.map((id) => name.get(id)) });
  return { ids: input.ids };
}
