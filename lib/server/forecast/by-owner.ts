// The headline figures per owner, with each owner's quota for the period.
import { prisma } from "@/lib/db";
import { attainment, type DateWindow, type ForecastPeriod } from "@/lib/domain/forecast";
import { EMPTY_FIGURES_ROW, toFigures, type ForecastFigures } from "./figures";
import type { PeriodFigures } from "./period-figures";
import { quotasFor } from "./quotas";

export interface OwnerForecast extends ForecastFigures {
  ownerId: string;
  ownerName: string;
  quota: string | null;
  /** wonAmount / quota as a 4-decimal ratio. */
  attainment: string | null;
}

export async function forecastByOwner(figures: PeriodFigures, period: ForecastPeriod, w: DateWindow, ownerId: string | undefined): Promise<OwnerForecast[]> {
  const quotas = await quotasFor(period, w, ownerId);
  // Owners with a quota but no deals in the period still get a row: their gap is the news.
  const ids = [...new Set([...figures.byOwner.keys(), ...quotas.keys()])];
  const users = await prisma().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return users
    .map((u) => {
      const quota = quotas.get(u.id) ?? null;
      const row = figures.byOwner.get(u.id) ?? EMPTY_FIGURES_ROW;
      return { ownerId: u.id, ownerName: u.name, ...toFigures(row), quota, attainment: attainment(row.wonAmount, quota) };
    })
    .sort((a, b) => a.ownerName.localeCompare(b.ownerName));
}
