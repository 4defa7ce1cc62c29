// Quotas per user and period, read by the forecast.
import { z } from "zod";
import { periodStartOf } from "@/lib/domain/pipeline-rules";
import { isIsoDate } from "./opportunity-fields";
import { queryInteger } from "./query-integer";
import { idSchema, isoDateSchema } from "./common-fields";

export const quotaPeriodSchema = z.enum(["MONTH", "QUARTER", "YEAR"]);
export const amountSchema = z
  .string()
  .trim()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, "Use an amount like 12500.00");

export const quotaUpsertSchema = z
  .strictObject({ userId: idSchema, period: quotaPeriodSchema, periodStart: isoDateSchema, amount: amountSchema })
  // Zod runs this even when periodStart itself failed; a date that is not one is reported there, not here.
  .refine((q) => !isIsoDate(q.periodStart) || periodStartOf(q.period, new Date(`${q.periodStart}T00:00:00Z`)).toISOString().startsWith(q.periodStart), {
    message: "Must be the first day of the period",
    path: ["periodStart"],
  });
export const quotaDeleteSchema = z.strictObject({ id: idSchema });
/** The quota page's URL state; malformed values fall back to defaults. */
export const quotaQuerySchema = z.object({
  period: quotaPeriodSchema.catch("QUARTER"),
  year: queryInteger(2000, 2100).catch(new Date().getUTCFullYear()),
});

export type QuotaInput = z.input<typeof quotaUpsertSchema>;
