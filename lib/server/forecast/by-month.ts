// Value by expected close month over the next twelve months, plus an
// "overdue" bucket for open deals whose close date has passed: won (by actual
// close), weighted open, and the unweighted remainder, with the monthly target.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { OVERDUE_BUCKET, remainder, type DateWindow, type MonthBucket } from "@/lib/domain/forecast";
import { monthlyTargets } from "./quotas";
import { scopeSql, type Scope } from "./sql";

export interface MonthForecast {
  /** "YYYY-MM", or "overdue". */
  key: string;
  label: string;
  /** The month's days (its open deals are those from today on, earlier ones are overdue); null for overdue. */
  window: DateWindow | null;
  wonCount: number;
  wonAmount: string;
  openCount: number;
  openAmount: string;
  weightedAmount: string;
  /** openAmount - weightedAmount: the part of open value the forecast does not count on. */
  remainderAmount: string;
  target: string | null;
}

interface MonthRow {
  bucket: string;
  wonCount: number;
  wonAmount: string;
  openCount: number;
  openAmount: string;
  weightedAmount: string;
}

export function monthSql(scope: Scope, months: MonthBucket[], today: string): Prisma.Sql {
  const first = months[0].window.start;
  const endExclusive = months[months.length - 1].window.endExclusive;
  const isOpen = Prisma.sql`o."status" = 'OPEN'`;
  const isWon = Prisma.sql`o."status" = 'WON'`;
  // Deals are summed per (bucket, status, probability) first, so the weighted
  // product is taken once per group instead of once per deal.
  return Prisma.sql`
    SELECT g."bucket",
      COALESCE(SUM(g."deals") FILTER (WHERE g."status" = 'WON'), 0)::int AS "wonCount",
      ROUND(COALESCE(SUM(g."base") FILTER (WHERE g."status" = 'WON'), 0), 2)::text AS "wonAmount",
      COALESCE(SUM(g."deals") FILTER (WHERE g."status" = 'OPEN'), 0)::int AS "openCount",
      ROUND(COALESCE(SUM(g."base") FILTER (WHERE g."status" = 'OPEN'), 0), 2)::text AS "openAmount",
      ROUND(COALESCE(SUM(g."base" * g."probability") FILTER (WHERE g."status" = 'OPEN'), 0) / 100, 2)::text AS "weightedAmount"
    FROM (
      SELECT
        CASE WHEN ${isOpen} AND o."expectedCloseDate" < ${today}::date THEN ${OVERDUE_BUCKET}
             ELSE to_char(CASE WHEN ${isOpen} THEN o."expectedCloseDate" ELSE o."actualCloseDate" END, 'YYYY-MM') END AS "bucket",
        o."status", o."probability", COUNT(*) AS "deals", SUM(o."baseAmount") AS "base"
      FROM "Opportunity" o
      WHERE ${scopeSql(scope)} AND (
        (${isOpen} AND o."expectedCloseDate" < ${endExclusive}::date)
        OR (${isWon} AND o."actualCloseDate" >= ${first}::date AND o."actualCloseDate" < ${endExclusive}::date))
      GROUP BY 1, o."status", o."probability"
    ) g
    GROUP BY g."bucket"`;
}

export async function forecastByMonth(scope: Scope, months: MonthBucket[], today: string): Promise<MonthForecast[]> {
  const [rows, targets] = await Promise.all([prisma().$queryRaw<MonthRow[]>(monthSql(scope, months, today)), monthlyTargets(months, scope.ownerId)]);
  const byKey = new Map(rows.map((r) => [r.bucket, r]));
  const empty = { wonCount: 0, wonAmount: "0.00", openCount: 0, openAmount: "0.00", weightedAmount: "0.00" };
  const bucket = (key: string, label: string, window: DateWindow | null): MonthForecast => {
    const { wonCount, wonAmount, openCount, openAmount, weightedAmount } = byKey.get(key) ?? empty;
    return { key, label, window, wonCount, wonAmount, openCount, openAmount, weightedAmount, remainderAmount: remainder(openAmount, weightedAmount), target: targets.get(key) ?? null };
  };
  return [bucket(OVERDUE_BUCKET, "Overdue", null), ...months.map((m) => bucket(m.key, m.label, m.window))];
}
