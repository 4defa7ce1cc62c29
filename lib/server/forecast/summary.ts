// Headline figures and forecast categories for the period: one aggregate query.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { DateWindow } from "@/lib/domain/forecast";
import { EMPTY_FIGURES_ROW, type FiguresRow } from "./figures";
import { figuresSql, inWindow, scopeSql, type Scope } from "./sql";

export async function summaryRow(scope: Scope, w: DateWindow): Promise<FiguresRow> {
  const rows = await prisma().$queryRaw<FiguresRow[]>(Prisma.sql`
    SELECT ${figuresSql(w)}
    FROM "Opportunity" o
    WHERE ${scopeSql(scope)} AND ${inWindow(w)}`);
  return rows[0] ?? EMPTY_FIGURES_ROW;
}
