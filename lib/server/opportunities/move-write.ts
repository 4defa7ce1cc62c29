// The second and last statement of a move: the card's new placement, rank and
// version, and (when the stage changes) its StageChange row, in ONE statement
// (a data-modifying WITH), so it is atomic without an explicit transaction.
// It applies only while the card still has the version the move read; null
// means someone changed the card in between, and the move reads again.
import { database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { statementName } from "@/lib/db/statement-names";
import { uuid7 } from "@/lib/db/uuid7";
import type { Actor } from "../auth/actor";
import { isoDate } from "../serialize";
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
  actor: Actor,
  card: CurrentPlacement & { version: number },
  fields: StageChangeFields,
  rank: string,
  now: Date,
): Promise<MovedRow | null> {
  const stageChanged = fields.stageId !== card.stageId;
  const history = stageChanged
    ? Prisma.sql`, history AS (
        INSERT INTO "StageChange" ("id", "opportunityId", "fromStageId", "toStageId", "fromStatus", "toStatus", "changedAt", "changedById")
        SELECT ${uuid7(now.getTime())}, m."id", ${card.stageId}, ${fields.stageId}, ${card.status}::"OpportunityStatus",
          ${fields.status}::"OpportunityStatus", ${now}::timestamptz, ${actor.id}
        FROM moved m)`
    : Prisma.empty;
  const statement = Prisma.sql`
    WITH moved AS (
      UPDATE "Opportunity" o SET ${assignments(fields, rank, now)}
      WHERE o."id" = ${card.id} AND o."version" = ${card.version}
      RETURNING o."id", o."title", o."pipelineId", o."stageId", o."rank", o."status"::text AS "status", o."probability",
        o."forecastCategory"::text AS "forecastCategory", o."lostReasonId",
        to_char(o."actualCloseDate", 'YYYY-MM-DD') AS "actualCloseDate",
        to_char(o."stageChangedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "stageChangedAt", o."version"
    )${history}
    SELECT * FROM moved`;
  const [row] = await database().query<MovedRow>(statement.text, statement.values, statementName(statement.text, "move"));
  return row ?? null;
}
