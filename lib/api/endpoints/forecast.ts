import { z } from "zod";
import { forecastApiQuerySchema } from "@/lib/validation/forecast";
import { endpoint } from "../endpoint";

const money = z.string().describe('Decimal string in the base currency, e.g. "1250.00"');

export const forecastResponseSchema = z
  .object({
    groupBy: z.enum(["month", "stage", "owner"]),
    asOf: z.string().describe("The day the forecast was computed for (YYYY-MM-DD, UTC)"),
    currency: z.string().describe("The base currency all amounts are in"),
    filters: z.record(z.string(), z.unknown()).describe("The filters applied"),
    window: z.record(z.string(), z.unknown()).describe("The period the figures cover"),
    headline: z
      .record(z.string(), z.unknown())
      .describe(
        "openPipeline, weightedPipeline, wonAmount (with oneTimeWon and recurringWon, its one-time and recurring parts), lostAmount, win rates by count and value, average deal size, average sales cycle days, MRR won and weighted MRR",
      ),
    categories: z.record(z.string(), z.unknown()).describe("Closed, Commit, Best case and Pipeline roll-ups"),
    data: z.array(z.record(z.string(), z.unknown())).describe("One row per month, stage or owner, with amounts as decimal strings"),
  })
  .meta({ id: "Forecast", description: `All amounts are ${money.description}` });

export const getForecast = endpoint({
  method: "get",
  path: "/forecast",
  tag: "Forecast",
  summary: "Weighted forecast",
  description:
    "The figures of the Forecast page for the same filters, grouped by expected close month, stage or owner. Private opportunities count only for users who may see them.",
  auth: "user",
  query: forecastApiQuerySchema,
  response: forecastResponseSchema,
});
