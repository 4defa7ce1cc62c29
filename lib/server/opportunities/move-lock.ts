// The first statement of a move: lock the card's row and read, in the same
// round trip, everything the move checks before writing: the card's
// placement and lost details, whether the actor may see it and is one of its
// members (visibility.ts's SQL rule, permissions.ts decides with it), and the
// target stage with its pipeline's archived flag.
import { Prisma } from "@/lib/db/generated/client";
import type { ForecastCategory, StageType } from "@/lib/domain/stage-rules";
import type { Actor } from "../auth/actor";
import { visibleOpportunitiesSql } from "../visibility";
import type { TargetStage } from "./stage-change";

type Tx = Prisma.TransactionClient;

export interface LockedCard {
  id: string;
  title: string;
  stageId: string;
  status: StageType;
  probability: number;
  probabilityOverridden: boolean;
  forecastCategory: ForecastCategory;
  forecastCategoryOverridden: boolean;
  lostReasonId: string | null;
  lostNote: string | null;
  competitor: string | null;
  ownerId: string;
  version: number;
  visible: boolean;
  actorIsMember: boolean;
}

export interface LockedMove {
  /** Null when no such opportunity. */
  card: LockedCard | null;
  /** Null when no such stage. */
  stage: (TargetStage & { pipelineArchived: boolean }) | null;
}

type Row = LockedCard & {
  targetId: string | null;
  targetPipelineId: string;
  targetType: StageType;
  targetProbability: number;
  targetForecastCategory: ForecastCategory;
  targetPipelineArchived: boolean;
};

/**
 * The row lock serialises concurrent moves of the same card (READ
 * COMMITTED): the second one waits, then reads the first one's result.
 */
export async function lockForMove(tx: Tx, actor: Actor, opportunityId: string, stageId: string): Promise<LockedMove> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT o."id", o."title", o."stageId", o."status"::text AS "status", o."probability", o."probabilityOverridden",
      o."forecastCategory"::text AS "forecastCategory", o."forecastCategoryOverridden", o."lostReasonId", o."lostNote",
      o."competitor", o."ownerId", o."version",
      ${visibleOpportunitiesSql(actor, "o")} AS "visible",
      EXISTS (SELECT 1 FROM "OpportunityMember" m WHERE m."opportunityId" = o."id" AND m."userId" = ${actor.id}) AS "actorIsMember",
      s."id" AS "targetId", s."pipelineId" AS "targetPipelineId", s."type"::text AS "targetType", s."probability" AS "targetProbability",
      s."forecastCategory"::text AS "targetForecastCategory", p."isArchived" AS "targetPipelineArchived"
    FROM "Opportunity" o
      LEFT JOIN "Stage" s ON s."id" = ${stageId}
      LEFT JOIN "Pipeline" p ON p."id" = s."pipelineId"
    WHERE o."id" = ${opportunityId}
    FOR UPDATE OF o`;
  const row = rows[0];
  if (!row) return { card: null, stage: null };
  const { targetId, targetPipelineId, targetType, targetProbability, targetForecastCategory, targetPipelineArchived, ...card } = row;
  const stage = targetId
    ? { id: targetId, pipelineId: targetPipelineId, type: targetType, probability: targetProbability, forecastCategory: targetForecastCategory, pipelineArchived: targetPipelineArchived }
    : null;
  return { card, stage };
}
