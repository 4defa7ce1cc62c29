// Inputs of currency administration. Rates travel as decimal strings.
import { z } from "zod";
import { isoDateSchema } from "./settings-common";

export const currencyCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a 3-letter ISO 4217 code");
export const rateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,8})?$/, "Use a positive number with at most 8 decimals")
  .refine((s) => Number(s) > 0, "The rate must be above 0");

export const currencyCreateSchema = z.object({
  code: currencyCodeSchema,
  name: z.string().trim().min(1, "Enter a name").max(60),
  symbol: z.string().trim().min(1, "Enter a symbol").max(5),
  rateToBase: rateSchema,
  rateDate: isoDateSchema,
});
export const currencyUpdateSchema = currencyCreateSchema;
export const currencyActiveSchema = z.object({ code: currencyCodeSchema, active: z.boolean() });

export type CurrencyInput = z.input<typeof currencyCreateSchema>;
