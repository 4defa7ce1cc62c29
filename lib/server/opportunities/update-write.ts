// The second and last statement of an edit: the changed columns, the version
// bump, and the history rows (the StageChange of a stage change, the
// timeline's field changes) in ONE statement (a data-modifying WITH), so it
// is atomic without an explicit transaction. It applies only while the
// opportunity still has the version the edit read; null means someone
// changed it in between (nothing was written). The row comes back whole, as
// the API answers it.
import { Prisma } from "@/lib/db/generated/client";
import { uuid7 } from "@/lib/db/uuid7";
import type { StageType } from "@/lib/domain/stage-rules";
import type { TrackedField } from "./field-changes";
import { COLUMN_TYPES, opportunityColumnsSql, relationsSql, valueSql, type SqlOpportunityRow } from "./row-sql";
import type { RunSql } from "./sql-run";

export type Assignments = Partial<Record<keyof typeof COLUMN_TYPES, unknown>>;

export interface EditWrite {
  id: string;
  /** The version read: the write applies only while it is current. */
  version: number;
  set: Assignments;
  stageChange: { fromStageId: string; toStageId: string; fromStatus: StageType; toStatus: StageType } | null;
  fieldChanges: { field: TrackedField; oldValue: string | null; newValue: string | null }[];
  actorId: string;
  now: Date;
}

export async function writeUpdate(run: RunSql, w: EditWrite): Promise<SqlOpportunityRow | null> {
  const at = Prisma.sql`${w.now.toISOString()}::timestamptz`;
  const set = Object.entries(w.set).map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${valueSql(column as keyof typeof COLUMN_TYPES, value)}`);
  const history = w.stageChange
    ? Prisma.sql`, history AS (
        INSERT INTO "StageChange" ("id", "opportunityId", "fromStageId", "toStageId", "fromStatus", "toStatus", "changedAt", "changedById")
        SELECT ${uuid7(w.now.getTime())}::text, x."id", ${w.stageChange.fromStageId}::text, ${w.stageChange.toStageId}::text,
          ${w.stageChange.fromStatus}::"OpportunityStatus", ${w.stageChange.toStatus}::"OpportunityStatus", ${at}, ${w.actorId}::text
        FROM written x)`
    : Prisma.empty;
  const rows = w.fieldChanges.map(
    (c) => Prisma.sql`(${uuid7(w.now.getTime())}::text, ${c.field}::text, ${c.oldValue}::text, ${c.newValue}::text)`,
  );
  const changes = rows.length
    ? Prisma.sql`, changes AS (
        INSERT INTO "OpportunityFieldChange" ("id", "opportunityId", "field", "oldValue", "newValue", "changedAt", "changedById")
        SELECT c."id", x."id", c."field", c."oldValue", c."newValue", ${at}, ${w.actorId}::text
        FROM written x, (VALUES ${Prisma.join(rows, ", ")}) AS c("id", "field", "oldValue", "newValue"))`
    : Prisma.empty;
  const [row] = await run<SqlOpportunityRow>(Prisma.sql`
    WITH written AS (
      UPDATE "Opportunity" o SET ${Prisma.join([...set, Prisma.sql`"version" = o."version" + 1`, Prisma.sql`"updatedAt" = ${at}`], ", ")}
      WHERE o."id" = ${w.id}::text AND o."version" = ${w.version}::int
      RETURNING ${opportunityColumnsSql("o")}
    )${history}${changes}
    SELECT x.*, ${relationsSql(`x."id"`)} FROM written x`);
  return row ?? null;
}
