// The period's deals per stage, with the time open deals have sat there and,
// from the StageChange history, the share of deals that left each open stage
// during the period by moving forward (to a later stage or won) rather than
// back or to lost.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { ratio, type DateWindow } from "@/lib/domain/forecast";
import { EMPTY_FIGURES_ROW } from "./figures";
import type { PeriodFigures } from "./period-figures";
import { hiddenOpportunityIdsSql } from "../visibility";
import { filtersSql, type Scope } from "./sql";

export interface StageForecast {
  stageId: string;
  stageName: string;
  pipelineId: string;
  pipelineName: string;
  type: "OPEN" | "WON" | "LOST";
  color: string;
  count: number;
  amount: string;
  weightedAmount: string;
  /** Open deals only: mean days since they entered the stage. */
  averageAgeDays: string | null;
  /** Deals that left this (open) stage in the period, and how many of them moved forward. */
  exited: number;
  advanced: number;
  conversion: string | null;
}

const startOfDayUtc = (isoDay: string) => `${isoDay}T00:00:00Z`;

/**
 * The exits from open stages during the period, per stage: how many deals
 * left it (`exited`) and how many of them left it forward at least once
 * (`advanced`). A deal that left a stage several times in the period counts
 * once: its first exit in the period is the change whose `previousExitAt`
 * (filled by a trigger, see the migration) lies before the period. So the
 * main part is one pass over the period's changes (an index-only scan of
 * StageChange_changedAt_idx, see stageExits) that
 * counts rows into one small group per stage; grouping a year's ~90k changes
 * per (stage, deal) first cost three times as much.
 *
 * The second part adds the deals whose first exit was not forward but a later
 * one in the period was: repeated exits (`previousExitAt` inside the period,
 * found through the small partial index on it) with no earlier forward exit
 * from that stage in the period.
 *
 * Visibility: each change is kept if its deal is NOT IN the actor's hidden
 * deals (a set hashed once per query); the pipeline and owner filters join
 * Opportunity.
 */
export const stageExitsSql = (scope: Scope, w: DateWindow) => {
  const start = Prisma.sql`${startOfDayUtc(w.start)}::timestamptz`;
  const end = Prisma.sql`${startOfDayUtc(w.endExclusive)}::timestamptz`;
  const hidden = hiddenOpportunityIdsSql(scope.actor);
  const filters = filtersSql(scope);
  const inScope = Prisma.sql`${hidden ? Prisma.sql`AND sc."opportunityId" NOT IN (${hidden})` : Prisma.empty}
    ${filters ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Opportunity" o WHERE o."id" = sc."opportunityId" AND ${filters})` : Prisma.empty}`;
  /** The exit to stage `to` went forward from stage f: later in the same pipeline, not lost. */
  const forward = (to: string) => {
    const t = Prisma.raw(to);
    return Prisma.sql`(${t}."pipelineId" = f."pipelineId" AND ${t}."position" > f."position" AND ${t}."type" <> 'LOST')`;
  };
  const first = Prisma.sql`(sc."previousExitAt" IS NULL OR sc."previousExitAt" < ${start})`;
  return Prisma.sql`
  SELECT e."stageId", SUM(e."exited")::int AS "exited", SUM(e."advanced")::int AS "advanced"
  FROM (
    SELECT sc."fromStageId" AS "stageId", COUNT(*) FILTER (WHERE ${first}) AS "exited",
      COUNT(*) FILTER (WHERE ${first} AND ${forward("t")}) AS "advanced"
    FROM "StageChange" sc
    JOIN "Stage" f ON f."id" = sc."fromStageId" AND f."type" = 'OPEN'
    -- An exit to a stage deleted since (toStageId null) is still the deal's exit, not a forward one.
    LEFT JOIN "Stage" t ON t."id" = sc."toStageId"
    WHERE sc."changedAt" >= ${start} AND sc."changedAt" < ${end} ${inScope}
    GROUP BY sc."fromStageId"
    UNION ALL
    SELECT sc."fromStageId", 0, COUNT(*)
    FROM "StageChange" sc
    JOIN "Stage" f ON f."id" = sc."fromStageId" AND f."type" = 'OPEN'
    JOIN "Stage" t ON t."id" = sc."toStageId"
    WHERE sc."previousExitAt" >= ${start} AND sc."changedAt" < ${end} AND ${forward("t")} ${inScope}
      AND NOT EXISTS (
        SELECT 1 FROM "StageChange" p JOIN "Stage" pt ON pt."id" = p."toStageId"
        WHERE p."opportunityId" = sc."opportunityId" AND p."fromStageId" = sc."fromStageId"
          AND p."id" <> sc."id"
          AND p."changedAt" >= ${start} AND p."changedAt" <= sc."previousExitAt" AND ${forward("pt")})
    GROUP BY sc."fromStageId"
  ) e
  GROUP BY e."stageId"`;
};

export interface StageExits {
  stageId: string;
  exited: number;
  advanced: number;
}

/**
 * The exit counts per stage; independent of the period figures, so the two
 * queries run side by side. For a year (half of the history) PostgreSQL's
 * default random_page_cost of 4 (a disk seek per index page) makes it scan the
 * whole StageChange table; the history a forecast reads is in memory, where
 * the index-only range scan of StageChange_changedAt_idx costs a third less.
 * So this query alone, in its own transaction, plans with the value usually
 * advised for memory and SSDs.
 */
export async function stageExits(scope: Scope, w: DateWindow): Promise<StageExits[]> {
  const db = prisma();
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL random_page_cost = 1.1`, db.$queryRaw<StageExits[]>(stageExitsSql(scope, w))]);
  return rows;
}

type StageRow = { id: string; name: string; type: "OPEN" | "WON" | "LOST"; color: string; pipelineId: string; pipeline: { name: string; isArchived: boolean } };

/** The stages the table may show, in board order; read alongside the figures (nothing here depends on them). */
export function forecastStages(scope: Scope): Promise<StageRow[]> {
  return prisma().stage.findMany({
    where: scope.pipelineId ? { pipelineId: scope.pipelineId } : {},
    select: { id: true, name: true, type: true, color: true, pipelineId: true, pipeline: { select: { name: true, isArchived: true } } },
    orderBy: [{ pipeline: { position: "asc" } }, { pipelineId: "asc" }, { position: "asc" }],
  });
}

export function forecastByStage(allStages: StageRow[], figures: PeriodFigures, exits: StageExits[]): StageForecast[] {
  // Archived pipelines show only where they still hold deals of the period.
  const stages = allStages.filter((s) => !s.pipeline.isArchived || figures.byStage.has(s.id));
  const byExit = new Map(exits.map((e) => [e.stageId, e]));
  return stages.map((s) => {
    const r = figures.byStage.get(s.id) ?? { ...EMPTY_FIGURES_ROW, averageAgeDays: null };
    const e = byExit.get(s.id) ?? { exited: 0, advanced: 0 };
    const values =
      s.type === "OPEN"
        ? { count: r.openCount, amount: r.openAmount, weightedAmount: r.weightedAmount }
        : s.type === "WON"
          ? { count: r.wonCount, amount: r.wonAmount, weightedAmount: r.wonAmount }
          : { count: r.lostCount, amount: r.lostAmount, weightedAmount: "0.00" };
    return {
      stageId: s.id,
      stageName: s.name,
      pipelineId: s.pipelineId,
      pipelineName: s.pipeline.name,
      type: s.type,
      color: s.color,
      ...values,
      averageAgeDays: s.type === "OPEN" ? r.averageAgeDays : null,
      exited: e.exited,
      advanced: e.advanced,
      conversion: s.type === "OPEN" ? ratio(e.advanced, e.exited) : null,
    };
  });
}
