// Pure forecast rules: the date window of a period, the months of the
// close-date chart, win rates and forecast-category roll-ups. Dates are
// calendar days as "YYYY-MM-DD" strings; parsing and formatting both happen in
// local time, so the result does not depend on the server's time zone.
import { addDays, addMonths, endOfMonth, endOfQuarter, endOfYear, format, parseISO, startOfMonth, startOfQuarter, startOfYear } from "date-fns";
import { dec, moneyString, type DecimalInput } from "./decimal";

export const FORECAST_PERIODS = ["month", "quarter", "year", "custom"] as const;
export type ForecastPeriod = (typeof FORECAST_PERIODS)[number];

export const FORECAST_GROUPS = ["month", "stage", "owner"] as const;
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];

export const CATEGORY_LABELS = { CLOSED: "Closed", COMMIT: "Commit", BEST_CASE: "Best case", PIPELINE: "Pipeline", OMITTED: "Omitted" } as const;

export const MONTHS_AHEAD = 12;
export const OVERDUE_BUCKET = "overdue";

export interface DateWindow {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive (what people read and what links carry). */
  end: string;
  /** The day after `end`: SQL compares with `< endExclusive` so a whole last day counts. */
  endExclusive: string;
}

const day = (d: Date) => format(d, "yyyy-MM-dd");

export function windowOf(start: string, end: string): DateWindow {
  return { start, end, endExclusive: day(addDays(parseISO(end), 1)) };
}

/** The window a period covers around `today`; custom takes the given bounds. */
export function periodWindow(period: ForecastPeriod, today: string, custom?: { from: string; to: string }): DateWindow {
  const t = parseISO(today);
  switch (period) {
    case "month":
      return windowOf(day(startOfMonth(t)), day(endOfMonth(t)));
    case "quarter":
      return windowOf(day(startOfQuarter(t)), day(endOfQuarter(t)));
    case "year":
      return windowOf(day(startOfYear(t)), day(endOfYear(t)));
    case "custom":
      if (!custom) throw new Error("A custom period needs from and to");
      return windowOf(custom.from, custom.to);
  }
}

export interface MonthBucket {
  /** "YYYY-MM" */
  key: string;
  label: string;
  window: DateWindow;
}

/** The current month and the 11 after it. */
export function forecastMonths(today: string, count = MONTHS_AHEAD): MonthBucket[] {
  const first = startOfMonth(parseISO(today));
  return Array.from({ length: count }, (_, i) => {
    const m = addMonths(first, i);
    return { key: format(m, "yyyy-MM"), label: format(m, "MMM yyyy"), window: windowOf(day(m), day(endOfMonth(m))) };
  });
}

/** part / whole as a 4-decimal ratio string (half-up), or null when the whole is absent or zero. */
export function ratio(part: DecimalInput, whole: DecimalInput | null): string | null {
  if (whole === null || dec(whole).isZero()) return null;
  return dec(part).dividedBy(dec(whole)).toDecimalPlaces(4).toFixed(4);
}

/** The share of closed deals that were won (by count or by value), or null when nothing closed. */
export function winRate(won: DecimalInput, lost: DecimalInput): string | null {
  return ratio(won, dec(won).plus(dec(lost)));
}

/** won / quota, or null without a quota. */
export const attainment = (won: DecimalInput, quota: DecimalInput | null) => ratio(won, quota);

/** "0.6250" -> "62.5%"; null -> "—". */
export function formatRatio(ratio: string | null): string {
  if (ratio === null) return "—";
  return `${dec(ratio).times(100).toDecimalPlaces(1).toString()}%`;
}

/** The unweighted part of open value that the weighted figure does not count (for stacked bars). */
export function remainder(open: DecimalInput, weighted: DecimalInput): string {
  return moneyString(dec(open).minus(dec(weighted)));
}

export interface CategoryTotals {
  CLOSED: string;
  COMMIT: string;
  BEST_CASE: string;
  PIPELINE: string;
}

/** The forecast call's cumulative lines: closed, + commit, + best case, + pipeline. */
export function cumulativeForecast(t: CategoryTotals): { closed: string; commit: string; bestCase: string; pipeline: string } {
  const commit = dec(t.CLOSED).plus(dec(t.COMMIT));
  const bestCase = commit.plus(dec(t.BEST_CASE));
  return {
    closed: moneyString(t.CLOSED),
    commit: moneyString(commit),
    bestCase: moneyString(bestCase),
    pipeline: moneyString(bestCase.plus(dec(t.PIPELINE))),
  };
}

const PERIOD_NAMES = { month: "This month", quarter: "This quarter", year: "This year", custom: "Custom range" } as const;

export function periodName(period: ForecastPeriod): string {
  return PERIOD_NAMES[period];
}

/** "Apr 1 – Jun 30, 2026" */
export function windowLabel(w: Pick<DateWindow, "start" | "end">): string {
  const s = parseISO(w.start);
  const e = parseISO(w.end);
  return s.getFullYear() === e.getFullYear() ? `${format(s, "MMM d")} – ${format(e, "MMM d, yyyy")}` : `${format(s, "MMM d, yyyy")} – ${format(e, "MMM d, yyyy")}`;
}

/** The day before `day` (the last day an overdue deal can carry). */
export function dayBefore(day: string): string {
  return format(addDays(parseISO(day), -1), "yyyy-MM-dd");
}
