// The second and last statement of an edit: the changed columns, the version
// bump, and the history rows (the StageChange of a stage change, the
// timeline's field changes) in ONE statement (a data-modifying WITH), so it
// is atomic without an explicit transaction. It applies only while the
// opportunity still has the version the edit read; null means someone
// changed it in between (nothing was written). The opportunity comes back as
// its DTO (read/dto.ts).
import { Prisma } from "@/lib/db/generated/client";
import { uuid7 } from "@/lib/db/uuid7";
import type { StageType } from "@/lib/domain/stage-rules";
import type { EventActor } from "../../events/write";
import { opportunityEventsSql, SNAPSHOT_COLUMNS } from "../events";
import type { TrackedField } from "../history/field-changes";
import { insertStageChangeSql } from "../history/stage-change-sql";
import type { OpportunityDto } from "../read/dto";
import { COLUMN_TYPES, valueSql } from "./row-sql";
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
  /** Who the change's event names; null when the caller writes the event after more changes in its transaction. */
  event: EventActor | null;
  now: Date;
}

export async function writeUpdate(run: RunSql, w: EditWrite): Promise<OpportunityDto | null> {
  const at = Prisma.sql`${w.now.toISOString()}::timestamptz`;
  const set = Object.entries(w.set).map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${valueSql(column as keyof typeof COLUMN_TYPES, value)}`);
  const history = w.stageChange
    ? Prisma.sql`, history AS (${insertStageChangeSql(Prisma.sql`written`, { ...w.stageChange, actorId: w.actorId, at: w.now })})`
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
  // The row before (this statement's snapshot: the write applies only to the version read, so it
  // is the row it changes) and after, for the change's event in the same statement.
  const event = w.event
    ? Prisma.sql`, events AS (${opportunityEventsSql(Prisma.sql`after`, Prisma.sql`before`, w.event, w.now)})`
    : Prisma.empty;
  const [row] = await run<{ dto: string }>(Prisma.sql`
    WITH ${w.event ? Prisma.sql`before AS (SELECT ${Prisma.raw(SNAPSHOT_COLUMNS)} FROM "Opportunity" o WHERE o."id" = ${w.id}::text),` : Prisma.empty}
    written AS (
      UPDATE "Opportunity" o SET ${Prisma.join([...set, Prisma.sql`"version" = o."version" + 1`, Prisma.sql`"updatedAt" = ${at}`], ", ")}
      WHERE o."id" = ${w.id}::text AND o."version" = ${w.version}::int
      RETURNING o.*
    ), after AS (SELECT ${Prisma.raw(SNAPSHOT_COLUMNS)} FROM written o)${history}${changes}${event}
    SELECT a."json" AS "dto" FROM after a`);
  return row ? (JSON.parse(row.dto) as OpportunityDto) : null;
}
