// The period's deals per stage, with the time they have sat there and the
// share of deals that entered each open stage during the period and later
// moved on to a further stage (from the StageChange history).
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { ratio, type DateWindow } from "@/lib/domain/forecast";
import { EMPTY_FIGURES_ROW, type FiguresRow } from "./figures";
import { figuresSql, inWindow, openIn, scopeSql, type Scope } from "./sql";

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
  /** Deals that entered this (open) stage in the period, and how many of them reached a later one. */
  entered: number;
  advanced: number;
  conversion: string | null;
}

type StageRow = FiguresRow & { stageId: string; averageAgeDays: string | null };

const startOfDayUtc = (isoDay: string) => `${isoDay}T00:00:00Z`;

async function stageFigures(scope: Scope, w: DateWindow, now: Date): Promise<StageRow[]> {
  return prisma().$queryRaw<StageRow[]>(Prisma.sql`
    SELECT o."stageId", ${figuresSql(w)},
      ROUND(AVG(EXTRACT(EPOCH FROM (${now}::timestamptz - o."stageChangedAt")) / 86400) FILTER (WHERE ${openIn(w)}), 1)::text AS "averageAgeDays"
    FROM "Opportunity" o
    WHERE ${scopeSql(scope)} AND ${inWindow(w)}
    GROUP BY o."stageId"`);
}

async function stageConversions(scope: Scope, w: DateWindow): Promise<{ stageId: string; entered: number; advanced: number }[]> {
  return prisma().$queryRaw(Prisma.sql`
    WITH entries AS (
      SELECT sc."opportunityId", sc."toStageId" AS "stageId", sc."changedAt", s."position", s."pipelineId"
      FROM "StageChange" sc
      JOIN "Stage" s ON s."id" = sc."toStageId" AND s."type" = 'OPEN'
      JOIN "Opportunity" o ON o."id" = sc."opportunityId"
      WHERE ${scopeSql(scope)}
        AND sc."changedAt" >= ${startOfDayUtc(w.start)}::timestamptz AND sc."changedAt" < ${startOfDayUtc(w.endExclusive)}::timestamptz
    )
    SELECT e."stageId",
      COUNT(DISTINCT e."opportunityId")::int AS "entered",
      (COUNT(DISTINCT e."opportunityId") FILTER (WHERE EXISTS (
        SELECT 1 FROM "StageChange" l JOIN "Stage" ls ON ls."id" = l."toStageId"
        WHERE l."opportunityId" = e."opportunityId" AND l."changedAt" > e."changedAt"
          AND ls."pipelineId" = e."pipelineId" AND ls."position" > e."position" AND ls."type" <> 'LOST'
      )))::int AS "advanced"
    FROM entries e
    GROUP BY e."stageId"`);
}

export async function forecastByStage(scope: Scope, w: DateWindow, now: Date): Promise<StageForecast[]> {
  const [figures, conversions] = await Promise.all([stageFigures(scope, w, now), stageConversions(scope, w)]);
  const byStage = new Map(figures.map((r) => [r.stageId, r]));
  const conv = new Map(conversions.map((c) => [c.stageId, c]));
  const stages = await prisma().stage.findMany({
    where: {
      ...(scope.pipelineId ? { pipelineId: scope.pipelineId } : {}),
      // Archived pipelines show only where they still hold deals of the period.
      OR: [{ pipeline: { isArchived: false } }, { id: { in: [...byStage.keys()] } }],
    },
    select: { id: true, name: true, type: true, color: true, pipelineId: true, pipeline: { select: { name: true } } },
    orderBy: [{ pipeline: { position: "asc" } }, { pipelineId: "asc" }, { position: "asc" }],
  });
  return stages.map((s) => {
    const r = byStage.get(s.id) ?? { ...EMPTY_FIGURES_ROW, stageId: s.id, averageAgeDays: null };
    const c = conv.get(s.id) ?? { entered: 0, advanced: 0 };
    const figures =
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
      ...figures,
      averageAgeDays: s.type === "OPEN" ? r.averageAgeDays : null,
      entered: c.entered,
      advanced: c.advanced,
      conversion: s.type === "OPEN" ? ratio(c.advanced, c.entered) : null,
    };
  });
}
