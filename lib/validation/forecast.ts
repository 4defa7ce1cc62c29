// The forecast's filters, shared by the page's URL, the API's query string and
// the service. Absent ownerId means everyone; absent pipelineId, every pipeline.
import { z } from "zod";
import { FORECAST_GROUPS, FORECAST_PERIODS } from "@/lib/domain/forecast";
import { isIsoDate } from "./opportunity-fields";

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine(isIsoDate, "Not a real date between 1900 and 2999");

const id = z.string().trim().min(1).max(64);

/** Days a custom range may span: long enough for multi-year reviews, short enough to stay cheap. */
export const MAX_CUSTOM_DAYS = 366 * 5;

const forecastFilterFields = {
  pipelineId: id.optional(),
  ownerId: id.optional(),
  period: z.enum(FORECAST_PERIODS, { error: "Choose month, quarter, year or custom" }).default("quarter"),
  from: isoDay.optional().describe("Start of a custom period (YYYY-MM-DD)"),
  to: isoDay.optional().describe("End of a custom period (YYYY-MM-DD)"),
};

function checkCustomRange(v: { period: string; from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (v.period !== "custom") return;
  if (!v.from) ctx.addIssue({ code: "custom", path: ["from"], message: "A custom range needs a start date" });
  if (!v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "A custom range needs an end date" });
  if (v.from && v.to) {
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date" });
    else if (days > MAX_CUSTOM_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "A custom range spans at most five years" });
  }
}

export const forecastFiltersSchema = z.object(forecastFilterFields).superRefine(checkCustomRange);

export type ForecastFilters = z.infer<typeof forecastFiltersSchema>;

/** The API's query: the page's filters plus the grouping; unknown parameters are refused. */
export const forecastApiQuerySchema = z
  .strictObject({
    ...forecastFilterFields,
    groupBy: z.enum(FORECAST_GROUPS, { error: "Choose month, stage or owner" }).default("month"),
  })
  // Runs even when other parameters are bad, so that one answer names every problem.
  .superRefine(checkCustomRange, { when: () => true });

/** First value of each query parameter; empty strings count as absent (an emptied select). */
export function singleParams(params: Record<string, string | string[] | undefined> | URLSearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const out: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === "string" && v !== "" && !(k in out)) out[k] = v;
  return out;
}

/**
 * The page's reading of its URL: valid filters, plus messages for the ones
 * that were dropped, so a hand-edited URL shows what was wrong instead of failing.
 */
export function parseForecastPageParams(params: Record<string, string | string[] | undefined>): { filters: ForecastFilters; problems: Record<string, string> } {
  const input: Record<string, string> = singleParams(params);
  const first = forecastFiltersSchema.safeParse(input);
  if (first.success) return { filters: first.data, problems: {} };
  const problems: Record<string, string> = {};
  for (const issue of first.error.issues) {
    const key = String(issue.path[0] ?? "period");
    problems[key] ??= issue.message;
    delete input[key];
  }
  // A custom range without valid bounds falls back to the default period.
  if (problems.from || problems.to) delete input.period;
  const second = forecastFiltersSchema.safeParse(input);
  return { filters: second.success ? second.data : { period: "quarter" }, problems };
}
