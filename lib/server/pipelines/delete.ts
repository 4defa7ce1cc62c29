// Deleting a pipeline (admins only, settings and API alike): its opportunities
// first move, with their history, into another pipeline through a stage map,
// in the same transaction. The default pipeline cannot be deleted.
import type { PipelineDeleteOptions } from "@/lib/validation/pipelines";
import type { Actor } from "../auth/actor";
import { adminTransaction, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, validationError } from "../errors";
import { lockUnchanged } from "../row-lock";
import { BULK_MOVE_TIMEOUT_MS, moveStageOpportunities } from "../stages/move-opportunities";
import { stageOrder } from "../stages/dto";
import { pipelineOrder } from "./dto";

async function renumber(tx: Tx) {
  const all = await tx.pipeline.findMany({ orderBy: pipelineOrder, select: { id: true, position: true } });
  for (const [i, p] of all.entries()) if (p.position !== i) await tx.pipeline.update({ where: { id: p.id }, data: { position: i } });
}

/**
 * Every stage that holds opportunities must be mapped (`stageMap`) to a stage
 * of `targetPipelineId`. Nothing chosen is a CONFLICT naming `targetPipelineId`;
 * a wrong choice is invalid input. `expected`: the updatedAt the client read.
 */
export function deletePipeline(actor: Actor, id: string, options: PipelineDeleteOptions = {}, expected: Date | null = null) {
  return adminTransaction(
    actor,
    async (tx) => {
      await lockUnchanged(tx, "Pipeline", id, expected);
      const pipeline = await tx.pipeline.findUniqueOrThrow({ where: { id }, include: { stages: { orderBy: stageOrder } } });
      if (pipeline.isDefault) throw new AppError("CONFLICT", "The default pipeline cannot be deleted; make another pipeline the default first");
      const stageMap = options.stageMap ?? {};
      const counts = await tx.opportunity.groupBy({ by: ["stageId"], where: { pipelineId: pipeline.id }, _count: { _all: true } });
      let moved = 0;
      if (counts.length > 0) {
        const held = counts.reduce((n, c) => n + c._count._all, 0);
        if (!options.targetPipelineId) {
          throw new AppError("CONFLICT", `This pipeline holds ${held} opportunities; choose the pipeline and stages that take them`, {
            targetPipelineId: "Choose the pipeline that receives its opportunities",
          });
        }
        if (options.targetPipelineId === pipeline.id) throw validationError({ targetPipelineId: "Choose the pipeline that receives its opportunities" });
        const target = await tx.pipeline.findUnique({ where: { id: options.targetPipelineId }, include: { stages: true } });
        if (!target) throw validationError({ targetPipelineId: "No such pipeline" });
        const targetStageIds = new Set(target.stages.map((s) => s.id));
        const missing: Record<string, string> = {};
        for (const c of counts) {
          const to = stageMap[c.stageId];
          if (!to || !targetStageIds.has(to)) missing[`stageMap.${c.stageId}`] = `Choose a stage of ${target.name}`;
        }
        if (Object.keys(missing).length) throw validationError(missing, "Map every stage that holds opportunities");
        for (const c of counts) {
          moved += await moveStageOpportunities(tx, actor, c.stageId, stageMap[c.stageId], { lostReasonId: options.lostReasonId ?? null, field: `stageMap.${c.stageId}` });
        }
      }
      await tx.stage.deleteMany({ where: { pipelineId: pipeline.id } });
      await tx.pipeline.delete({ where: { id: pipeline.id } });
      await renumber(tx);
      await writeAudit(tx, actor, {
        action: "pipeline.delete", entity: "Pipeline", entityId: pipeline.id,
        before: { name: pipeline.name, stages: pipeline.stages.map((s) => s.name) },
        after: { movedOpportunities: moved, targetPipelineId: options.targetPipelineId ?? null, stageMap },
      });
      return { id: pipeline.id, deleted: true as const, movedOpportunities: moved };
    },
    BULK_MOVE_TIMEOUT_MS,
  );
}
