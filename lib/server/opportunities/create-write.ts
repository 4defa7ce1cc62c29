// The second and last statement of a creation: the opportunity row and its
// first StageChange row (from nowhere, so time in stage and the timeline
// start now) in ONE statement (a data-modifying WITH): atomic without an
// explicit transaction. The row comes back whole, as the API answers it,
// with no members or contacts yet (create.ts adds those in a transaction).
import { Prisma } from "@/lib/db/generated/client";
import { uuid7 } from "@/lib/db/uuid7";
import type { StageType } from "@/lib/domain/stage-rules";
import { COLUMN_TYPES, opportunityColumnsSql, valueSql, type SqlOpportunityRow } from "./row-sql";
import type { RunSql } from "./sql-run";

/** Every column but `id` (made here), `version` (1) and the timestamps (`now`). */
export type NewOpportunity = Omit<Record<keyof typeof COLUMN_TYPES, unknown>, "id" | "version" | "createdAt" | "updatedAt"> & {
  stageId: string;
  status: StageType;
};

export async function insertOpportunity(run: RunSql, values: NewOpportunity, actorId: string, now: Date): Promise<SqlOpportunityRow> {
  const row = { ...values, id: uuid7(now.getTime()), version: 1, createdAt: now, updatedAt: now };
  const columns = Object.keys(row) as (keyof typeof COLUMN_TYPES)[];
  const at = Prisma.sql`${now.toISOString()}::timestamptz`;
  const [created] = await run<SqlOpportunityRow>(Prisma.sql`
    WITH created AS (
      INSERT INTO "Opportunity" AS o (${Prisma.raw(columns.map((c) => `"${c}"`).join(", "))})
      VALUES (${Prisma.join(columns.map((c) => valueSql(c, row[c])), ", ")})
      RETURNING ${opportunityColumnsSql("o")}
    ), history AS (
      INSERT INTO "StageChange" ("id", "opportunityId", "fromStageId", "toStageId", "fromStatus", "toStatus", "changedAt", "changedById")
      SELECT ${uuid7(now.getTime())}::text, x."id", NULL, ${values.stageId}::text, NULL, ${values.status}::"OpportunityStatus", ${at}, ${actorId}::text
      FROM created x
    )
    SELECT x.*, '[]'::json AS "members", '[]'::json AS "contacts" FROM created x`);
  return created;
}
