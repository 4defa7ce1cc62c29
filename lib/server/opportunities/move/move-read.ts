// The first of a move's two statements: read, in ONE round trip, everything
// the move checks and computes before writing: the card's placement, version
// and lost details, whether the actor may see it and is one of its members
// (visibility.ts's SQL rule; permissions.ts decides with it), the target
// stage with its pipeline's archived flag, whether the lost reason the move
// would record is active, and the neighbours' keys (placement.ts). Nothing is
// locked (unless the move runs under the row's lock, move.ts): the write
// (move-write.ts) applies only if the card's version is still the one read here.
import { Prisma } from "@/lib/db/generated/client";
import type { MoveOpportunityParsed } from "@/lib/validation/move";
import type { Actor } from "../../auth/actor";
import { neighboursSql, type Neighbours } from "./placement";
import { visibleOpportunitiesSql } from "../../visibility";
import type { RunSql } from "../write/sql-run";
import type { CurrentPlacement, TargetStage } from "./stage-change";
import { splitTargetStage, targetStageColumnsSql, type TargetStageColumns } from "./target-stage-sql";

export interface MoveCard extends CurrentPlacement {
  title: string;
  lostReasonId: string | null;
  lostNote: string | null;
  competitor: string | null;
  ownerId: string;
  assigneeId: string | null;
  version: number;
  visible: boolean;
  actorIsMember: boolean;
}

export interface MoveRead {
  /** Null when no such opportunity. */
  card: MoveCard | null;
  /** Null when no such stage. */
  stage: (TargetStage & { pipelineArchived: boolean }) | null;
  /** Whether the lost reason the move would keep or record exists and is active. */
  reasonActive: boolean;
  neighbours: Neighbours;
}

/** The card's columns are all null when there is no such opportunity. */
type Row = MoveCard &
  Neighbours &
  TargetStageColumns & {
    reasonActive: boolean;
  };

export async function readMove(run: RunSql, actor: Actor, input: MoveOpportunityParsed): Promise<MoveRead> {
  const statement = Prisma.sql`
    SELECT o."id", o."title", o."stageId", o."status"::text AS "status", o."probability", o."probabilityOverridden",
      o."forecastCategory"::text AS "forecastCategory", o."forecastCategoryOverridden", o."lostReasonId", o."lostNote",
      o."competitor", o."ownerId", o."assigneeId", o."version",
      ${visibleOpportunitiesSql(actor, "o")} AS "visible",
      EXISTS (SELECT 1 FROM "OpportunityMember" m WHERE m."opportunityId" = o."id" AND m."userId" = ${actor.id}) AS "actorIsMember",
      ${targetStageColumnsSql(Prisma.sql`p."isArchived"`)},
      COALESCE(r."active", FALSE) AS "reasonActive",
      ${neighboursSql(input)}
    FROM (SELECT 1) AS one
      LEFT JOIN "Opportunity" o ON o."id" = ${input.opportunityId}
      LEFT JOIN "Stage" s ON s."id" = ${input.stageId}
      LEFT JOIN "Pipeline" p ON p."id" = s."pipelineId"
      -- lostDetails() in move.ts: the reason sent, else (a reorder inside a lost stage) the one recorded.
      LEFT JOIN "LostReason" r ON r."id" = COALESCE(${input.lostReasonId}::text, CASE WHEN o."status" = 'LOST' THEN o."lostReasonId" END)`;
  const [row] = await run<Row>(statement);
  const { stage, rest } = splitTargetStage(row);
  const { reasonActive, beforeRank, belowBefore, afterRank, aboveAfter, lastRank, ...card } = rest;
  return { card: card.id ? card : null, stage, reasonActive, neighbours: { beforeRank, belowBefore, afterRank, aboveAfter, lastRank } };
}
