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
 * One pass over the period's stage changes out of open stages (an index-only
 * scan of StageChange_changedAt_idx for a quarter, a sequential scan for a
 * year). Grouping first by (stage, deal) counts a deal that left a stage
 * several times once, as advanced if any exit went forward, with hash
 * aggregates instead of COUNT(DISTINCT) sorts. Visibility is applied to each
 * change as `NOT IN` the actor's hidden deals (a set hashed once per query),
 * before the grouping; probing Opportunity per (stage, deal) instead cost a
 * salesperson's year about a second. Only the pipeline and owner filters join
 * Opportunity, after the grouping, once per deal.
 */
export const stageExitsSql = (scope: Scope, w: DateWindow) => {
  const hidden = hiddenOpportunityIdsSql(scope.actor);
  const filters = filtersSql(scope);
  return Prisma.sql`
  SELECT x."stageId", COUNT(*)::int AS "exited", (COUNT(*) FILTER (WHERE x."forward"))::int AS "advanced"
  FROM (
    SELECT sc."fromStageId" AS "stageId", sc."opportunityId",
      bool_or(t."pipelineId" = f."pipelineId" AND t."position" > f."position" AND t."type" <> 'LOST') AS "forward"
    FROM "StageChange" sc
    JOIN "Stage" f ON f."id" = sc."fromStageId" AND f."type" = 'OPEN'
    JOIN "Stage" t ON t."id" = sc."toStageId"
    WHERE sc."changedAt" >= ${startOfDayUtc(w.start)}::timestamptz AND sc."changedAt" < ${startOfDayUtc(w.endExclusive)}::timestamptz
      ${hidden ? Prisma.sql`AND sc."opportunityId" NOT IN (${hidden})` : Prisma.empty}
    GROUP BY sc."fromStageId", sc."opportunityId"
  ) x
  ${filters ? Prisma.sql`JOIN "Opportunity" o ON o."id" = x."opportunityId" AND ${filters}` : Prisma.empty}
  GROUP BY x."stageId"`;
};

export interface StageExits {
  stageId: string;
  exited: number;
  advanced: number;
}

/**
 * The exit counts per stage; independent of the period figures, so the two
 * queries run side by side. A year holds ~90k (stage, deal) groups: with the
 * default 4 MB work_mem their aggregate spills to disk (external sort or hash
 * batches), so this query alone gets more memory, for its own transaction.
 */
export async function stageExits(scope: Scope, w: DateWindow): Promise<StageExits[]> {
  const db = prisma();
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL work_mem = '32MB'`, db.$queryRaw<StageExits[]>(stageExitsSql(scope, w))]);
  return rows;
}

export async function forecastByStage(figures: PeriodFigures, exits: StageExits[], scope: Scope): Promise<StageForecast[]> {
  const stages = await prisma().stage.findMany({
    where: {
      ...(scope.pipelineId ? { pipelineId: scope.pipelineId } : {}),
      // Archived pipelines show only where they still hold deals of the period.
      OR: [{ pipeline: { isArchived: false } }, { id: { in: [...figures.byStage.keys()] } }],
    },
    select: { id: true, name: true, type: true, color: true, pipelineId: true, pipeline: { select: { name: true } } },
    orderBy: [{ pipeline: { position: "asc" } }, { pipelineId: "asc" }, { position: "asc" }],
  });

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
