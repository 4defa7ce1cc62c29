// SQL fragments every forecast query shares: which opportunities are in scope
// (visibility, pipeline, owner) and the figures summed over them. All values
// are parameters; only fixed identifiers are written into the SQL text.
import { Prisma } from "@/lib/db/generated/client";
import type { DateWindow } from "@/lib/domain/forecast";
import type { Actor } from "../auth/actor";
import { visibleOpportunitiesSql } from "../visibility";

export interface Scope {
  actor: Actor;
  pipelineId?: string;
  ownerId?: string;
}

/** Opportunities (alias o) the actor may see, narrowed by the pipeline and owner filters. */
export function scopeSql(scope: Scope): Prisma.Sql {
  const parts = [visibleOpportunitiesSql(scope.actor, "o")];
  if (scope.pipelineId) parts.push(Prisma.sql`o."pipelineId" = ${scope.pipelineId}`);
  if (scope.ownerId) parts.push(Prisma.sql`o."ownerId" = ${scope.ownerId}`);
  return Prisma.join(parts, " AND ");
}

/** Open deals expected to close in the window. */
export const openIn = (w: DateWindow) =>
  Prisma.sql`(o."status" = 'OPEN' AND o."expectedCloseDate" >= ${w.start}::date AND o."expectedCloseDate" < ${w.endExclusive}::date)`;

/** Won (or lost) deals whose actual close date falls in the window. */
export const closedIn = (w: DateWindow, status: "WON" | "LOST") =>
  Prisma.sql`(o."status" = ${Prisma.raw(`'${status}'`)} AND o."actualCloseDate" >= ${w.start}::date AND o."actualCloseDate" < ${w.endExclusive}::date)`;

/** Any deal that counts in the window: open ones by expected close, closed ones by actual close. */
export const inWindow = (w: DateWindow) =>
  Prisma.sql`(${openIn(w)} OR (o."status" IN ('WON', 'LOST') AND o."actualCloseDate" >= ${w.start}::date AND o."actualCloseDate" < ${w.endExclusive}::date))`;

/** An open deal's forecast category; values only closed deals carry count as Pipeline. */
const openCategory = Prisma.sql`(CASE WHEN o."forecastCategory" IN ('COMMIT', 'BEST_CASE') THEN o."forecastCategory"::text ELSE 'PIPELINE' END)`;

const money = (expr: Prisma.Sql) => Prisma.sql`ROUND(COALESCE(${expr}, 0), 2)::text`;

/**
 * The headline figures as aggregate columns. Amounts are stored base amounts
 * (amount x the opportunity's own exchange rate); weighted = base x probability / 100,
 * summed exactly as NUMERIC and rounded to cents once, at the end.
 */
export function figuresSql(w: DateWindow): Prisma.Sql {
  const open = openIn(w);
  const won = closedIn(w, "WON");
  const lost = closedIn(w, "LOST");
  return Prisma.sql`
    COUNT(*) FILTER (WHERE ${open})::int AS "openCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${open})`)} AS "openAmount",
    ${money(Prisma.sql`SUM(o."baseAmount" * o."probability" / 100) FILTER (WHERE ${open})`)} AS "weightedAmount",
    COUNT(*) FILTER (WHERE ${won})::int AS "wonCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${won})`)} AS "wonAmount",
    COUNT(*) FILTER (WHERE ${lost})::int AS "lostCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${lost})`)} AS "lostAmount",
    ROUND(AVG(o."baseAmount") FILTER (WHERE ${won}), 2)::text AS "averageDealSize",
    ROUND(AVG(o."actualCloseDate" - (o."createdAt" AT TIME ZONE 'UTC')::date) FILTER (WHERE ${won}), 1)::text AS "averageCycleDays",
    ${money(Prisma.sql`SUM(o."recurringAmount" * o."exchangeRate") FILTER (WHERE ${won})`)} AS "mrrWon",
    ${money(Prisma.sql`SUM(o."recurringAmount" * o."exchangeRate" * o."probability" / 100) FILTER (WHERE ${open})`)} AS "weightedMrr",
    COUNT(*) FILTER (WHERE ${open} AND ${openCategory} = 'COMMIT')::int AS "commitCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${open} AND ${openCategory} = 'COMMIT')`)} AS "commitAmount",
    COUNT(*) FILTER (WHERE ${open} AND ${openCategory} = 'BEST_CASE')::int AS "bestCaseCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${open} AND ${openCategory} = 'BEST_CASE')`)} AS "bestCaseAmount",
    COUNT(*) FILTER (WHERE ${open} AND ${openCategory} = 'PIPELINE')::int AS "pipelineCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${open} AND ${openCategory} = 'PIPELINE')`)} AS "pipelineAmount"`;
}
