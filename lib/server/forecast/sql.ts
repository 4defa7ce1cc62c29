// SQL fragments every forecast query shares: which opportunities are in scope
// (visibility, pipeline, owner) and the figures summed over them. All values
// are parameters; only fixed identifiers are written into the SQL text.
import { Prisma } from "@/lib/db/generated/client";
import type { DateWindow } from "@/lib/domain/forecast";
import type { Actor } from "../auth/actor";
import { closeDateInSql, filterOnlySql, opportunityFilterSql } from "../opportunities/list/filter-sql";

export interface Scope {
  actor: Actor;
  pipelineId?: string;
  ownerId?: string;
}

/** The pipeline and owner filters on Opportunity (alias o), or null without filters. */
export const filtersSql = (scope: Scope): Prisma.Sql | null => filterOnlySql({ pipelineId: scope.pipelineId, ownerId: scope.ownerId });

/** Opportunities (alias o) the actor may see, narrowed by the pipeline and owner filters. */
export const scopeSql = (scope: Scope): Prisma.Sql => opportunityFilterSql(scope.actor, { pipelineId: scope.pipelineId, ownerId: scope.ownerId });

/** Open deals expected to close in the window. */
export const openIn = (w: DateWindow) =>
  Prisma.sql`(o."status" = 'OPEN' AND o."expectedCloseDate" >= ${w.start}::date AND o."expectedCloseDate" < ${w.endExclusive}::date)`;

/** Deals that count in the window: open ones by expected close, won and lost ones by actual close (the table's closeFrom/closeTo). */
export const inWindow = (w: DateWindow) => closeDateInSql(w.start, w.end);

const OPEN = Prisma.sql`g."status" = 'OPEN'`;
const WON = Prisma.sql`g."status" = 'WON'`;
const LOST = Prisma.sql`g."status" = 'LOST'`;
/** An open deal's forecast category; values only closed deals carry count as Pipeline. */
const category = (c: "COMMIT" | "BEST_CASE" | "PIPELINE") =>
  c === "PIPELINE" ? Prisma.sql`${OPEN} AND g."forecastCategory" NOT IN ('COMMIT', 'BEST_CASE')` : Prisma.sql`${OPEN} AND g."forecastCategory" = ${Prisma.raw(`'${c}'`)}`;

const money = (expr: Prisma.Sql) => Prisma.sql`ROUND(COALESCE(${expr}, 0), 2)::text`;
const count = (where: Prisma.Sql) => Prisma.sql`COALESCE(SUM(g."deals") FILTER (WHERE ${where}), 0)::int`;

/**
 * Opportunities (alias o, rows already limited by inWindow()) in small groups
 * of equal owner, stage, status, category, probability and exchange rate,
 * with the sums the figures need. Products with the probability or the rate
 * are taken once per group, not once per deal (a year's 29k deals fall into
 * a few thousand groups): the figures' cost was NUMERIC arithmetic per row.
 * `ageSeconds` is measured from `now`.
 */
export const figureGroupsSql = (now: Date) => Prisma.sql`
    SELECT o."ownerId", o."stageId", o."status", o."forecastCategory",
      COUNT(*) AS "deals",
      SUM(o."baseAmount") AS "base",
      SUM(o."baseAmount") * o."probability" AS "baseTimesProbability",
      SUM(o."oneTimeAmount") * o."exchangeRate" AS "oneTime",
      SUM(o."recurringAmount") * o."exchangeRate" AS "mrr",
      SUM(o."recurringAmount") * o."exchangeRate" * o."probability" AS "mrrTimesProbability",
      SUM(o."actualCloseDate" - (o."createdAt" AT TIME ZONE 'UTC')::date) AS "cycleDays",
      SUM(EXTRACT(EPOCH FROM (${now}::timestamptz - o."stageChangedAt"))) AS "ageSeconds"
    FROM "Opportunity" o`;

export const FIGURE_GROUP_KEYS = Prisma.sql`o."ownerId", o."stageId", o."status", o."forecastCategory", o."probability", o."exchangeRate"`;

/**
 * The headline figures as aggregate columns over figureGroupsSql's groups
 * (alias g), so a group's status alone says whether its deals are open, won
 * or lost in the window. Amounts are stored base amounts (amount x the
 * opportunity's own exchange rate); weighted = base x probability / 100,
 * summed exactly as NUMERIC and rounded to cents once, at the end.
 */
export const FIGURES_SQL = Prisma.sql`
    ${count(OPEN)} AS "openCount",
    ${money(Prisma.sql`SUM(g."base") FILTER (WHERE ${OPEN})`)} AS "openAmount",
    ${money(Prisma.sql`SUM(g."baseTimesProbability") FILTER (WHERE ${OPEN}) / 100`)} AS "weightedAmount",
    ${count(WON)} AS "wonCount",
    ${money(Prisma.sql`SUM(g."base") FILTER (WHERE ${WON})`)} AS "wonAmount",
    ${money(Prisma.sql`SUM(g."oneTime") FILTER (WHERE ${WON})`)} AS "oneTimeWon",
    ${count(LOST)} AS "lostCount",
    ${money(Prisma.sql`SUM(g."base") FILTER (WHERE ${LOST})`)} AS "lostAmount",
    ROUND(SUM(g."base") FILTER (WHERE ${WON}) / SUM(g."deals") FILTER (WHERE ${WON}), 2)::text AS "averageDealSize",
    ROUND(SUM(g."cycleDays") FILTER (WHERE ${WON}) / SUM(g."deals") FILTER (WHERE ${WON}), 1)::text AS "averageCycleDays",
    ${money(Prisma.sql`SUM(g."mrr") FILTER (WHERE ${WON})`)} AS "mrrWon",
    ${money(Prisma.sql`SUM(g."mrrTimesProbability") FILTER (WHERE ${OPEN}) / 100`)} AS "weightedMrr",
    ${count(category("COMMIT"))} AS "commitCount",
    ${money(Prisma.sql`SUM(g."base") FILTER (WHERE ${category("COMMIT")})`)} AS "commitAmount",
    ${count(category("BEST_CASE"))} AS "bestCaseCount",
    ${money(Prisma.sql`SUM(g."base") FILTER (WHERE ${category("BEST_CASE")})`)} AS "bestCaseAmount",
    ${count(category("PIPELINE"))} AS "pipelineCount",
    ${money(Prisma.sql`SUM(g."base") FILTER (WHERE ${category("PIPELINE")})`)} AS "pipelineAmount"`;
