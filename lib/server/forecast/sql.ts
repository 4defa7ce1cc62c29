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

/** The pipeline and owner filters on Opportunity (alias o), or null without filters. */
export function filtersSql(scope: Scope): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  if (scope.pipelineId) parts.push(Prisma.sql`o."pipelineId" = ${scope.pipelineId}`);
  if (scope.ownerId) parts.push(Prisma.sql`o."ownerId" = ${scope.ownerId}`);
  return parts.length > 0 ? Prisma.join(parts, " AND ") : null;
}

/** Opportunities (alias o) the actor may see, narrowed by the pipeline and owner filters. */
export function scopeSql(scope: Scope): Prisma.Sql {
  const filters = filtersSql(scope);
  const visible = visibleOpportunitiesSql(scope.actor, "o");
  return filters ? Prisma.sql`${visible} AND ${filters}` : visible;
}

/** Open deals expected to close in the window. */
export const openIn = (w: DateWindow) =>
  Prisma.sql`(o."status" = 'OPEN' AND o."expectedCloseDate" >= ${w.start}::date AND o."expectedCloseDate" < ${w.endExclusive}::date)`;

/** Deals that count in the window: open ones by expected close, won and lost ones by actual close. */
export const inWindow = (w: DateWindow) =>
  Prisma.sql`(${openIn(w)} OR (o."status" IN ('WON', 'LOST') AND o."actualCloseDate" >= ${w.start}::date AND o."actualCloseDate" < ${w.endExclusive}::date))`;

const OPEN = Prisma.sql`o."status" = 'OPEN'`;
const WON = Prisma.sql`o."status" = 'WON'`;
const LOST = Prisma.sql`o."status" = 'LOST'`;
/** An open deal's forecast category; values only closed deals carry count as Pipeline. */
const category = (c: "COMMIT" | "BEST_CASE" | "PIPELINE") =>
  c === "PIPELINE" ? Prisma.sql`${OPEN} AND o."forecastCategory" NOT IN ('COMMIT', 'BEST_CASE')` : Prisma.sql`${OPEN} AND o."forecastCategory" = ${Prisma.raw(`'${c}'`)}`;

const money = (expr: Prisma.Sql) => Prisma.sql`ROUND(COALESCE(${expr}, 0), 2)::text`;

/**
 * The headline figures as aggregate columns over rows already limited by
 * inWindow(), so a row's status alone says whether it is open, won or lost in
 * the window. Amounts are stored base amounts (amount x the opportunity's own
 * exchange rate); weighted = base x probability / 100, summed exactly as
 * NUMERIC and rounded to cents once, at the end.
 */
export const FIGURES_SQL = Prisma.sql`
    COUNT(*) FILTER (WHERE ${OPEN})::int AS "openCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${OPEN})`)} AS "openAmount",
    ${money(Prisma.sql`SUM(o."baseAmount" * o."probability") FILTER (WHERE ${OPEN}) / 100`)} AS "weightedAmount",
    COUNT(*) FILTER (WHERE ${WON})::int AS "wonCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${WON})`)} AS "wonAmount",
    COUNT(*) FILTER (WHERE ${LOST})::int AS "lostCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${LOST})`)} AS "lostAmount",
    ROUND(AVG(o."baseAmount") FILTER (WHERE ${WON}), 2)::text AS "averageDealSize",
    ROUND(AVG(o."actualCloseDate" - (o."createdAt" AT TIME ZONE 'UTC')::date) FILTER (WHERE ${WON}), 1)::text AS "averageCycleDays",
    ${money(Prisma.sql`SUM(o."recurringAmount" * o."exchangeRate") FILTER (WHERE ${WON})`)} AS "mrrWon",
    ${money(Prisma.sql`SUM(o."recurringAmount" * o."exchangeRate" * o."probability") FILTER (WHERE ${OPEN}) / 100`)} AS "weightedMrr",
    COUNT(*) FILTER (WHERE ${category("COMMIT")})::int AS "commitCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${category("COMMIT")})`)} AS "commitAmount",
    COUNT(*) FILTER (WHERE ${category("BEST_CASE")})::int AS "bestCaseCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${category("BEST_CASE")})`)} AS "bestCaseAmount",
    COUNT(*) FILTER (WHERE ${category("PIPELINE")})::int AS "pipelineCount",
    ${money(Prisma.sql`SUM(o."baseAmount") FILTER (WHERE ${category("PIPELINE")})`)} AS "pipelineAmount"`;
