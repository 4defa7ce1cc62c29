// The headline figures per owner, with each owner's quota for the period.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { attainment, type DateWindow, type ForecastPeriod } from "@/lib/domain/forecast";
import { EMPTY_FIGURES_ROW, toFigures, type FiguresRow, type ForecastFigures } from "./figures";
import { quotasFor } from "./quotas";
import { figuresSql, inWindow, scopeSql, type Scope } from "./sql";

export interface OwnerForecast extends ForecastFigures {
  ownerId: string;
  ownerName: string;
  quota: string | null;
  /** wonAmount / quota as a 4-decimal ratio. */
  attainment: string | null;
}

export async function forecastByOwner(scope: Scope, period: ForecastPeriod, w: DateWindow): Promise<OwnerForecast[]> {
  const [rows, quotas] = await Promise.all([
    prisma().$queryRaw<(FiguresRow & { ownerId: string; ownerName: string })[]>(Prisma.sql`
      SELECT u."id" AS "ownerId", u."name" AS "ownerName", f.*
      FROM (
        SELECT o."ownerId" AS "groupOwnerId", ${figuresSql(w)}
        FROM "Opportunity" o
        WHERE ${scopeSql(scope)} AND ${inWindow(w)}
        GROUP BY o."ownerId"
      ) f JOIN "User" u ON u."id" = f."groupOwnerId"`),
    quotasFor(period, w, scope.ownerId),
  ]);
  const byId = new Map(rows.map((r) => [r.ownerId, r]));
  // Owners with a quota but no deals in the period still get a row: their gap is the news.
  const missing = [...quotas.keys()].filter((id) => !byId.has(id));
  if (missing.length > 0) {
    const users = await prisma().user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } });
    for (const u of users) byId.set(u.id, { ...EMPTY_FIGURES_ROW, ownerId: u.id, ownerName: u.name });
  }
  return [...byId.values()]
    .map((r) => {
      const quota = quotas.get(r.ownerId) ?? null;
      return { ownerId: r.ownerId, ownerName: r.ownerName, ...toFigures(r), quota, attainment: attainment(r.wonAmount, quota) };
    })
    .sort((a, b) => a.ownerName.localeCompare(b.ownerName));
}
