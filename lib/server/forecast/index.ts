// The forecast service: one entry point for the page and GET /api/v1/forecast,
// so both show the same figures. Every query applies the actor's visibility.
import { prisma } from "@/lib/db";
import { forecastMonths, periodWindow, ratio, type DateWindow, type ForecastGroup } from "@/lib/domain/forecast";
import { moneyString, sumDecimals } from "@/lib/domain/decimal";
import type { ForecastFilters } from "@/lib/validation/forecast";
import type { Actor } from "../auth/actor";
import { isoDate } from "../serialize";
import { forecastByMonth, type MonthForecast } from "./by-month";
import { forecastByOwner, type OwnerForecast } from "./by-owner";
import { forecastByStage, forecastStages, stageExits, type StageForecast } from "./by-stage";
import { toCategories, toFigures, type ForecastCategories, type ForecastFigures } from "./figures";
import { quotasFor } from "./quotas";
import { periodFigures } from "./period-figures";
import type { Scope } from "./sql";

export interface Forecast {
  /** The day the forecast was computed for (UTC). */
  asOf: string;
  currency: string;
  filters: ForecastFilters;
  window: DateWindow;
  headline: ForecastFigures & { quota: string | null; attainment: string | null };
  categories: ForecastCategories;
  months?: MonthForecast[];
  stages?: StageForecast[];
  owners?: OwnerForecast[];
}

export interface ForecastOptions {
  /** The groupings to compute (all by default). */
  groups?: readonly ForecastGroup[];
  /** The instant "today" and ages are measured from; tests pin it. */
  now?: Date;
}

export async function getForecast(actor: Actor, filters: ForecastFilters, options: ForecastOptions = {}): Promise<Forecast> {
  const now = options.now ?? new Date();
  const today = isoDate(now)!;
  const groups = new Set(options.groups ?? ["month", "stage", "owner"]);
  const custom = filters.from && filters.to ? { from: filters.from, to: filters.to } : undefined;
  const window = periodWindow(filters.period, today, custom);
  const scope: Scope = { actor, ...(filters.pipelineId ? { pipelineId: filters.pipelineId } : {}), ...(filters.ownerId ? { ownerId: filters.ownerId } : {}) };

  const figures = periodFigures(scope, window, now);
  const [base, period, quotas, months, stages, owners] = await Promise.all([
    prisma().currency.findFirst({ where: { isBase: true }, select: { code: true } }),
    figures,
    quotasFor(filters.period, window, filters.ownerId),
    groups.has("month") ? forecastByMonth(scope, forecastMonths(today), today) : undefined,
    // Conversion does not depend on the figures: its query runs alongside them.
    groups.has("stage") ? Promise.all([forecastStages(scope), figures, stageExits(scope, window)]).then(([s, f, e]) => forecastByStage(s, f, e)) : undefined,
    groups.has("owner") ? figures.then((f) => forecastByOwner(f, filters.period, window, filters.ownerId)) : undefined,
  ]);
  const summary = period.total;
  const quota = quotas.size > 0 ? moneyString(sumDecimals([...quotas.values()])) : null;
  return {
    asOf: today,
    currency: base?.code ?? "USD",
    filters,
    window,
    headline: { ...toFigures(summary), quota, attainment: ratio(summary.wonAmount, quota) },
    categories: toCategories(summary),
    ...(months ? { months } : {}),
    ...(stages ? { stages } : {}),
    ...(owners ? { owners } : {}),
  };
}
