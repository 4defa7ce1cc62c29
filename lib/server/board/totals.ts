// Column totals computed by the database over every matching card (not just
// the loaded page): count, amount and weighted amount in the base currency.
// Grouping by (stage, probability) lets SQL do the sums while the weighting
// of each group (at most 101 per stage) stays exact decimal math here.
import { prisma } from "@/lib/db";
import { dec, moneyString } from "@/lib/domain/decimal";
import type { BoardCondition } from "./filters";

export interface ColumnTotals {
  count: number;
  amount: string;
  weighted: string;
}

export const ZERO_TOTALS: ColumnTotals = { count: 0, amount: "0.00", weighted: "0.00" };

interface GroupRow {
  stageId: string;
  probability: number;
  count: number;
  /** Decimal as text: sums never pass through a float. */
  amount: string;
}

/** `condition` is boardConditionSql (on `o`). */
export async function columnTotals(condition: BoardCondition, stageIds: string[]): Promise<Record<string, ColumnTotals>> {
  const groups = await prisma().$queryRaw<GroupRow[]>`
    SELECT o."stageId", o."probability", COUNT(*)::int AS "count", COALESCE(SUM(o."baseAmount"), 0)::text AS "amount"
    FROM "Opportunity" o
    WHERE o."stageId" = ANY(${stageIds}::text[]) AND ${condition.sql}
    GROUP BY o."stageId", o."probability"`;
  const acc = new Map(stageIds.map((id) => [id, { count: 0, amount: dec(0), weighted: dec(0) }]));
  for (const g of groups) {
    const t = acc.get(g.stageId)!;
    const sum = dec(g.amount);
    t.count += g.count;
    t.amount = t.amount.plus(sum);
    t.weighted = t.weighted.plus(sum.times(g.probability).dividedBy(100));
  }
  return Object.fromEntries(
    [...acc].map(([id, t]) => [id, { count: t.count, amount: moneyString(t.amount), weighted: moneyString(t.weighted) }]),
  );
}
