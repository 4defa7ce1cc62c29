// The one writer of StageChange rows. Every path that puts a deal in a stage
// (creation, an edit of its stage, a board move, the settings' stage and
// pipeline deletes through recordStageChange) writes its history row with
// this statement, so the row's columns are chosen in one place.
// (StageChange.previousExitAt is filled by a trigger for every writer.)
import { Prisma } from "@/lib/db/generated/client";
import { uuid7 } from "@/lib/db/uuid7";
import type { StageType } from "@/lib/domain/stage-rules";

export interface StageChangeRow {
  /** Null for a creation: the deal arrives from nowhere. */
  fromStageId: string | null;
  toStageId: string;
  fromStatus: StageType | null;
  toStatus: StageType;
  actorId: string;
  at: Date;
}

/**
 * INSERT of the history row of the opportunity whose id is the "id" column of
 * `source` (a table expression: the CTE of the write that changed the deal,
 * so the row exists exactly when the write applied).
 */
export function insertStageChangeSql(source: Prisma.Sql, change: StageChangeRow): Prisma.Sql {
  return Prisma.sql`INSERT INTO "StageChange" ("id", "opportunityId", "fromStageId", "toStageId", "fromStatus", "toStatus", "changedAt", "changedById")
    SELECT ${uuid7(change.at.getTime())}::text, x."id", ${change.fromStageId}::text, ${change.toStageId}::text,
      ${change.fromStatus}::"OpportunityStatus", ${change.toStatus}::"OpportunityStatus", ${change.at.toISOString()}::timestamptz, ${change.actorId}::text
    FROM ${source} x`;
}
