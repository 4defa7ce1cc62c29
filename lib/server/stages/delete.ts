// Deleting a stage (admins only, settings and API alike): its opportunities
// first move, with their history, to another stage of the same pipeline, in the
// same transaction; the last open, won or lost stage of a pipeline stays.
import type { StageDeleteOptions } from "@/lib/validation/stages";
import type { Actor } from "../auth/actor";
import { adminTransaction } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, validationError } from "../errors";
import { lockUnchanged } from "../row-lock";
import { stageSetProblem } from "@/lib/domain/pipeline-rules";
import { BULK_MOVE_TIMEOUT_MS, moveStageOpportunities } from "./move-opportunities";
import { pipelineStages, stageAudit, writePositions } from "./write";

/**
 * Nothing chosen for a stage that holds opportunities is a CONFLICT naming
 * `targetStageId`; a wrong choice is invalid input. `expected`: the updatedAt
 * the client read (stale: CONFLICT).
 */
export function deleteStage(actor: Actor, id: string, options: StageDeleteOptions = {}, expected: Date | null = null) {
  return adminTransaction(
    actor,
    async (tx) => {
      await lockUnchanged(tx, "Stage", id, expected);
      const stage = await tx.stage.findUniqueOrThrow({ where: { id } });
      const stages = await pipelineStages(tx, stage.pipelineId);
      const rest = stages.filter((s) => s.id !== stage.id);
      const problem = stageSetProblem(rest);
      if (problem) throw new AppError("CONFLICT", problem);
      const held = await tx.opportunity.count({ where: { stageId: stage.id } });
      let moved = 0;
      if (held > 0) {
        const choose = `Choose another stage of this pipeline for its ${held} opportunities`;
        if (!options.targetStageId) throw new AppError("CONFLICT", `This stage holds ${held} opportunities; choose the stage that takes them`, { targetStageId: choose });
        const target = rest.find((s) => s.id === options.targetStageId);
        if (!target) throw validationError({ targetStageId: choose });
        moved = await moveStageOpportunities(tx, actor, stage.id, target.id, { lostReasonId: options.lostReasonId ?? null, field: "targetStageId" });
      }
      await tx.stage.delete({ where: { id: stage.id } });
      await writePositions(tx, rest.map((s) => s.id));
      await writeAudit(tx, actor, {
        action: "stage.delete", entity: "Stage", entityId: stage.id,
        before: { pipelineId: stage.pipelineId, ...stageAudit(stage) }, after: { movedOpportunities: moved, targetStageId: options.targetStageId ?? null },
      });
      return { id: stage.id, deleted: true as const, movedOpportunities: moved };
    },
    BULK_MOVE_TIMEOUT_MS,
  );
}
