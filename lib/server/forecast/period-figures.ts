// The period's figures for the whole scope, per owner and per stage, from ONE
// scan of the opportunities (GROUP BY GROUPING SETS): the page's heaviest
// query runs once instead of three times.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { DateWindow } from "@/lib/domain/forecast";
import { EMPTY_FIGURES_ROW, type FiguresRow } from "./figures";
import { FIGURES_SQL, inWindow, scopeSql, type Scope } from "./sql";

export type StageFiguresRow = FiguresRow & { averageAgeDays: string | null };

export interface PeriodFigures {
  total: FiguresRow;
  byOwner: Map<string, FiguresRow>;
  byStage: Map<string, StageFiguresRow>;
}

type Row = StageFiguresRow & { ownerId: string | null; stageId: string | null; byOwner: number; byStage: number };

export const periodFiguresSql = (scope: Scope, w: DateWindow, now: Date) => Prisma.sql`
  SELECT o."ownerId", o."stageId",
    (GROUPING(o."ownerId") = 0)::int AS "byOwner", (GROUPING(o."stageId") = 0)::int AS "byStage",
    ${FIGURES_SQL},
    ROUND(AVG(EXTRACT(EPOCH FROM (${now}::timestamptz - o."stageChangedAt")) / 86400) FILTER (WHERE o."status" = 'OPEN'), 1)::text AS "averageAgeDays"
  FROM "Opportunity" o
  WHERE ${scopeSql(scope)} AND ${inWindow(w)}
  GROUP BY GROUPING SETS ((), (o."ownerId"), (o."stageId"))`;

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
