// The period's figures for the whole scope, per owner and per stage, from ONE
// scan of the opportunities: the deals are summed into small groups first
// (figureGroupsSql), then GROUP BY GROUPING SETS rolls the groups up three
// ways, so the page's heaviest query runs once instead of three times and its
// per-deal work is a handful of sums.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { DateWindow } from "@/lib/domain/forecast";
import { EMPTY_FIGURES_ROW, type FiguresRow } from "./figures";
import { FIGURE_GROUP_KEYS, figureGroupsSql, FIGURES_SQL, inWindow, scopeSql, type Scope } from "./sql";

export type StageFiguresRow = FiguresRow & { averageAgeDays: string | null };

export interface PeriodFigures {
  total: FiguresRow;
  byOwner: Map<string, FiguresRow>;
  byStage: Map<string, StageFiguresRow>;
}

type Row = StageFiguresRow & { ownerId: string | null; stageId: string | null; byOwner: number; byStage: number };

export const periodFiguresSql = (scope: Scope, w: DateWindow, now: Date) => Prisma.sql`
  SELECT g."ownerId", g."stageId",
    (GROUPING(g."ownerId") = 0)::int AS "byOwner", (GROUPING(g."stageId") = 0)::int AS "byStage",
    ${FIGURES_SQL},
    ROUND(SUM(g."ageSeconds") FILTER (WHERE g."status" = 'OPEN') / (86400 * SUM(g."deals") FILTER (WHERE g."status" = 'OPEN')), 1)::text AS "averageAgeDays"
  FROM (
    ${figureGroupsSql(now)}
    WHERE ${scopeSql(scope)} AND ${inWindow(w)}
    GROUP BY ${FIGURE_GROUP_KEYS}
  ) g
  GROUP BY GROUPING SETS ((), (g."ownerId"), (g."stageId"))`;

export async function periodFigures(scope: Scope, w: DateWindow, now: Date): Promise<PeriodFigures> {
  const rows = await prisma().$queryRaw<Row[]>(periodFiguresSql(scope, w, now));
  const result: PeriodFigures = { total: EMPTY_FIGURES_ROW, byOwner: new Map(), byStage: new Map() };
  for (const { ownerId, stageId, byOwner, byStage, ...figures } of rows) {
    if (byOwner) result.byOwner.set(ownerId!, figures);
    else if (byStage) result.byStage.set(stageId!, figures);
    else result.total = figures;
  }
  return result;
}
