// The rules of "this opportunity now sits in that stage" (DESIGN.md's status,
// probability, close date and lost details), shared by creation, an edit of
// the stage (PATCH stageId, bulk changes), the board's move and the settings'
// stage and pipeline deletes. Its history row is written by
// history/stage-change-sql.ts, the one StageChange writer.
import { Prisma } from "@/lib/db/generated/client";
import { outcomeOfMove, type ForecastCategory, type StageType } from "@/lib/domain/stage-rules";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../errors";
import { insertStageChangeSql } from "../history/stage-change-sql";

type Tx = Prisma.TransactionClient;

export interface TargetStage {
  id: string;
  pipelineId: string;
  type: StageType;
  probability: number;
  forecastCategory: ForecastCategory;
}

export interface CurrentPlacement {
  id: string;
  stageId: string;
  status: StageType;
  probability: number;
  probabilityOverridden: boolean;
  forecastCategory: ForecastCategory;
  forecastCategoryOverridden: boolean;
}

export interface LostDetails {
  lostReasonId?: string | null;
  lostNote?: string | null;
  competitor?: string | null;
}

/** Loads the target stage, or a VALIDATION error naming `field`. */
export async function loadTargetStage(tx: Tx, stageId: string, field = "stageId"): Promise<TargetStage> {
  const stage = await tx.stage.findUnique({
    where: { id: stageId },
    select: { id: true, pipelineId: true, type: true, probability: true, forecastCategory: true, pipeline: { select: { isArchived: true } } },
  });
  return checkTargetStage(stage && { ...stage, pipelineArchived: stage.pipeline.isArchived }, field);
}

/** The target stage as read (null when missing), or a VALIDATION error naming `field`. */
export function checkTargetStage(stage: (TargetStage & { pipelineArchived: boolean }) | null, field = "stageId"): TargetStage {
  if (!stage) throw new AppError("VALIDATION", "Unknown stage", { [field]: "No such stage" });
  if (stage.pipelineArchived) throw new AppError("VALIDATION", "That pipeline is archived", { [field]: "The stage's pipeline is archived" });
  return { id: stage.id, pipelineId: stage.pipelineId, type: stage.type, probability: stage.probability, forecastCategory: stage.forecastCategory };
}

/** The columns a move into a stage sets (Prisma update data, or move-write.ts's SQL). */
export interface StageChangeFields {
  stageId: string;
  pipelineId: string;
  status: StageType;
  probability: number;
  probabilityOverridden: boolean;
  forecastCategory: ForecastCategory;
  forecastCategoryOverridden: boolean;
  stageChangedAt?: Date;
  statusChangedAt?: Date;
  actualCloseDate?: Date | null;
  lostReasonId?: string | null;
  lostNote?: string | null;
  competitor?: string | null;
}

/**
 * The column values a move into `stage` sets (status, odds, close date, lost
 * details), after checking the lost reason. `rank` places it in the column.
 */
export async function stageChangeData(
  tx: Tx,
  current: CurrentPlacement,
  stage: TargetStage,
  lost: LostDetails,
  now = new Date(),
): Promise<Prisma.OpportunityUncheckedUpdateInput> {
  const asksReason = outcomeOfMove(stage, current).status === "LOST" && !!lost.lostReasonId;
  const reason = asksReason ? await tx.lostReason.findUnique({ where: { id: lost.lostReasonId! }, select: { active: true } }) : null;
  return stageChangeFields(current, stage, lost, reason?.active === true, now);
}

/**
 * stageChangeData for a caller that has already read whether the lost reason
 * (`lost.lostReasonId`) exists and is active: the move reads it in its one
 * read statement.
 */
export function stageChangeFields(current: CurrentPlacement, stage: TargetStage, lost: LostDetails, reasonActive: boolean, now: Date): StageChangeFields {
  const outcome = outcomeOfMove(stage, current);
  const data: StageChangeFields = {
    stageId: stage.id,
    pipelineId: stage.pipelineId,
    status: outcome.status,
    probability: outcome.probability,
    probabilityOverridden: outcome.probabilityOverridden,
    forecastCategory: outcome.forecastCategory,
    forecastCategoryOverridden: outcome.forecastCategoryOverridden,
  };
  if (stage.id !== current.stageId) data.stageChangedAt = now;
  if (outcome.status !== current.status) {
    data.statusChangedAt = now;
    data.actualCloseDate = outcome.closesOn === "today" ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) : null;
  }
  if (outcome.status === "LOST") {
    if (!lost.lostReasonId) throw new AppError("VALIDATION", "A lost reason is required", { lostReasonId: "Choose why the deal was lost" });
    if (!reasonActive) throw new AppError("VALIDATION", "Unknown lost reason", { lostReasonId: "Choose one of the lost reasons" });
    data.lostReasonId = lost.lostReasonId;
    data.lostNote = lost.lostNote ?? null;
    data.competitor = lost.competitor ?? null;
  } else if (current.status === "LOST") {
    data.lostReasonId = null;
    data.lostNote = null;
    data.competitor = null;
  }
  return data;
}

/** Writes the history row for a stage change (call only when the stage really changes). */
export async function recordStageChange(tx: Tx, actor: Actor, current: CurrentPlacement, stage: TargetStage, now = new Date()) {
  const change = { fromStageId: current.stageId, toStageId: stage.id, fromStatus: current.status, toStatus: stage.type, actorId: actor.id, at: now };
  await tx.$executeRaw(insertStageChangeSql(Prisma.sql`(SELECT ${current.id}::text AS "id")`, change));
}
