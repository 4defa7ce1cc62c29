// The second and last statement of a move: the card's new placement, rank and
// version, and (when the stage changes) its StageChange row, in ONE statement
// (a data-modifying WITH), so it is atomic without an explicit transaction.
// It applies only while the card still has the version the move read; null
// means someone changed the card in between (move.ts decides what follows).
// It also says whether another card of the column already holds the new key.
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../../auth/actor";
import { eventActor } from "../../events/write";
import { opportunityEventsSql, SNAPSHOT_COLUMNS } from "../events";
import { insertStageChangeSql } from "../history/stage-change-sql";
import { isoDate } from "../../serialize";
import type { RunSql } from "../write/sql-run";
import type { CurrentPlacement, StageChangeFields } from "./stage-change";

/** The moved card as the write returns it, dates in their wire format. */
export interface MovedRow {
  id: string;
  title: string;
  pipelineId: string;
  stageId: string;
  rank: string;
  status: "OPEN" | "WON" | "LOST";
  probability: number;
  forecastCategory: string;
  lostReasonId: string | null;
  actualCloseDate: string | null;
  stageChangedAt: string;
  version: number;
}

function assignments(f: StageChangeFields, rank: string, now: Date): Prisma.Sql {
  const set: Prisma.Sql[] = [
    Prisma.sql`"stageId" = ${f.stageId}`,
    Prisma.sql`"pipelineId" = ${f.pipelineId}`,
    Prisma.sql`"status" = ${f.status}::"OpportunityStatus"`,
    Prisma.sql`"probability" = ${f.probability}`,
    Prisma.sql`"probabilityOverridden" = ${f.probabilityOverridden}`,
    Prisma.sql`"forecastCategory" = ${f.forecastCategory}::"ForecastCategory"`,
    Prisma.sql`"forecastCategoryOverridden" = ${f.forecastCategoryOverridden}`,
    Prisma.sql`"rank" = ${rank}`,
    Prisma.sql`"version" = o."version" + 1`,
    Prisma.sql`"updatedAt" = ${now}::timestamptz`,
  ];
  if (f.stageChangedAt) set.push(Prisma.sql`"stageChangedAt" = ${f.stageChangedAt}::timestamptz`);
  if (f.statusChangedAt) set.push(Prisma.sql`"statusChangedAt" = ${f.statusChangedAt}::timestamptz`);
  if (f.actualCloseDate !== undefined) set.push(Prisma.sql`"actualCloseDate" = ${isoDate(f.actualCloseDate)}::date`);
  if (f.lostReasonId !== undefined) set.push(Prisma.sql`"lostReasonId" = ${f.lostReasonId}`);
  if (f.lostNote !== undefined) set.push(Prisma.sql`"lostNote" = ${f.lostNote}`);
  if (f.competitor !== undefined) set.push(Prisma.sql`"competitor" = ${f.competitor}`);
  return Prisma.join(set, ", ");
}

export async function writeMove(
  run: RunSql,
  actor: Actor,
  card: CurrentPlacement & { version: number },
  fields: StageChangeFields,
  rank: string,
  now: Date,
): Promise<(MovedRow & { tied: boolean }) | null> {
  const stageChanged = fields.stageId !== card.stageId;
  const history = stageChanged
    ? Prisma.sql`, history AS (${insertStageChangeSql(Prisma.sql`moved`, {
        fromStageId: card.stageId, toStageId: fields.stageId, fromStatus: card.status, toStatus: fields.status, actorId: actor.id, at: now,
      })})`
    : Prisma.empty;
  // The row before (this statement's snapshot: the write applies only to the version read) and
  // after, for the move's event in the same statement.
  const statement = Prisma.sql`
    WITH before AS (SELECT ${Prisma.raw(SNAPSHOT_COLUMNS)} FROM "Opportunity" o WHERE o."id" = ${card.id}),
    moved AS (
      UPDATE "Opportunity" o SET ${assignments(fields, rank, now)}
      WHERE o."id" = ${card.id} AND o."version" = ${card.version}
      RETURNING o.*,
        -- Another card of the column holding the same key (committed before this statement began): re-key it.
        EXISTS (SELECT 1 FROM "Opportunity" x WHERE x."stageId" = o."stageId" AND x."rank" = o."rank" AND x."id" <> o."id") AS "tied"
    ), after AS (SELECT ${Prisma.raw(SNAPSHOT_COLUMNS)} FROM moved o),
    events AS (${opportunityEventsSql(Prisma.sql`after`, Prisma.sql`before`, eventActor(actor), now)})${history}
    SELECT o."id", o."title", o."pipelineId", o."stageId", o."rank", o."status"::text AS "status", o."probability",
      o."forecastCategory"::text AS "forecastCategory", o."lostReasonId",
      to_char(o."actualCloseDate", 'YYYY-MM-DD') AS "actualCloseDate",
      to_char(o."stageChangedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "stageChangedAt", o."version", o."tied"
    FROM moved o`;
  const [row] = await run<MovedRow & { tied: boolean }>(statement);
  return row ?? null;
}
