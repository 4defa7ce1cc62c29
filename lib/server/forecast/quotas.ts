// Quotas are read here, never written (admins set them in settings). A user's
// quota for a window is the quota set for exactly that period when there is
// one, otherwise the sum of the smaller periods inside the window (quarters
// for a year, then months).
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { DateWindow, ForecastPeriod, MonthBucket } from "@/lib/domain/forecast";

const QUOTA_PERIOD = { month: "MONTH", quarter: "QUARTER", year: "YEAR", custom: null } as const;

/** Active users the figures are shown for: one owner, or everyone. */
const shownUsers = (ownerId: string | undefined) => (ownerId ? Prisma.sql`u."id" = ${ownerId}` : Prisma.sql`TRUE`);

/** userId -> quota amount for the window, for users that have one. */
export async function quotasFor(period: ForecastPeriod, w: DateWindow, ownerId: string | undefined): Promise<Map<string, string>> {
  const exact = QUOTA_PERIOD[period];
  const exactSql = exact ? Prisma.sql`q."period"::text = ${exact} AND q."periodStart" = ${w.start}::date` : Prisma.sql`FALSE`;
  const rows = await prisma().$queryRaw<{ userId: string; amount: string | null }[]>(Prisma.sql`
    SELECT q."userId",
      COALESCE(
        SUM(q."amount") FILTER (WHERE ${exactSql}),
        ${period === "year" ? Prisma.sql`SUM(q."amount") FILTER (WHERE q."period" = 'QUARTER'),` : Prisma.empty}
        SUM(q."amount") FILTER (WHERE q."period" = 'MONTH')
      )::text AS "amount"
    FROM "Quota" q JOIN "User" u ON u."id" = q."userId"
    WHERE u."active" AND ${shownUsers(ownerId)}
      AND q."periodStart" >= ${w.start}::date AND q."periodStart" < ${w.endExclusive}::date
    GROUP BY q."userId"`);
  return new Map(rows.filter((r) => r.amount !== null).map((r) => [r.userId, r.amount!]));
}

/** "YYYY-MM" -> the sum of the shown users' monthly quotas (the chart's target line). */
export async function monthlyTargets(months: MonthBucket[], ownerId: string | undefined): Promise<Map<string, string>> {
  const rows = await prisma().$queryRaw<{ key: string; amount: string }[]>(Prisma.sql`
    SELECT to_char(q."periodStart", 'YYYY-MM') AS "key", SUM(q."amount")::text AS "amount"
    FROM "Quota" q JOIN "User" u ON u."id" = q."userId"
    WHERE u."active" AND ${shownUsers(ownerId)} AND q."period" = 'MONTH'
      AND q."periodStart" >= ${months[0].window.start}::date AND q."periodStart" < ${months[months.length - 1].window.endExclusive}::date
    GROUP BY 1`);
  return new Map(rows.map((r) => [r.key, r.amount]));
}
