// The second and last statement of a creation: the opportunity row and its
// first StageChange row (from nowhere, so time in stage and the timeline
// start now) in ONE statement (a data-modifying WITH): atomic without an
// explicit transaction. The opportunity comes back as its DTO (read/dto.ts),
// with no members or contacts yet (create.ts adds those in a transaction).
import { Prisma } from "@/lib/db/generated/client";
import { uuid7 } from "@/lib/db/uuid7";
import type { StageType } from "@/lib/domain/stage-rules";
import type { EventActor } from "../../events/write";
import { opportunityEventsSql, SNAPSHOT_COLUMNS } from "../events";
import { insertStageChangeSql } from "../history/stage-change-sql";
import type { OpportunityDto } from "../read/dto";
import { COLUMN_TYPES, valueSql } from "./row-sql";
import type { RunSql } from "./sql-run";

/** Every column but `id` (made here), `version` (1) and the timestamps (`now`). */
export type NewOpportunity = Omit<Record<keyof typeof COLUMN_TYPES, unknown>, "id" | "version" | "createdAt" | "updatedAt"> & {
  stageId: string;
  status: StageType;
};

/**
 * `event`: who the creation's event names; null when the caller writes it after adding members, contacts or lines.
 * `createdAt`: now, except for imported history (the first StageChange is then dated values.stageChangedAt).
 */
export async function insertOpportunity(run: RunSql, values: NewOpportunity, actorId: string, now: Date, event: EventActor | null, createdAt: Date = now): Promise<OpportunityDto> {
  const row = { ...values, id: uuid7(now.getTime()), version: 1, createdAt, updatedAt: now };
  const enteredAt = values.stageChangedAt instanceof Date ? values.stageChangedAt : now;
  const columns = Object.keys(row) as (keyof typeof COLUMN_TYPES)[];
  const [created] = await run<{ dto: string }>(Prisma.sql`
    WITH created AS (
      INSERT INTO "Opportunity" AS o (${Prisma.raw(columns.map((c) => `"${c}"`).join(", "))})
      VALUES (${Prisma.join(columns.map((c) => valueSql(c, row[c])), ", ")})
      RETURNING o.*
    ), after AS (SELECT ${Prisma.raw(SNAPSHOT_COLUMNS)} FROM created o), history AS (
      ${insertStageChangeSql(Prisma.sql`created`, { fromStageId: null, toStageId: values.stageId, fromStatus: null, toStatus: values.status, actorId, at: enteredAt })}
    )${event ? Prisma.sql`, events AS (${opportunityEventsSql(Prisma.sql`after`, null, event, now)})` : Prisma.empty}
    SELECT a."json" AS "dto" FROM after a`);
  return JSON.parse(created.dto) as OpportunityDto;
}
