// Inputs of currencies, one schema per input for the currency dialog, the
// settings actions, the REST API and its OpenAPI document. Rates travel as
// decimal strings. Strict objects: unknown fields are errors.
import { z } from "zod";
import { updatedAtPrecondition } from "./api-common";
import { activeField, isoDateSchema } from "./common-fields";

export const currencyCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a 3-letter ISO 4217 code");
export const rateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,8})?$/, "Use a positive number with at most 8 decimals")
  .refine((s) => Number(s) > 0, "The rate must be above 0");

const currencyFields = {
  name: z.string().trim().min(1, "Enter a name").max(60),
  symbol: z.string().trim().min(1, "Enter a symbol").max(5),
  rateToBase: rateSchema,
};

export const currencyParams = z.strictObject({ code: currencyCodeSchema });

export const currencyCreateSchema = z.strictObject({
  code: currencyCodeSchema,
  ...currencyFields,
  rateDate: isoDateSchema.optional().describe("The day the rate is for; today by default"),
});
export type CurrencyCreateInput = z.output<typeof currencyCreateSchema>;
export type CurrencyInput = z.input<typeof currencyCreateSchema>;

/** PATCH: fields not sent stay as they are. */
export const currencyUpdateSchema = z.strictObject({
  name: currencyFields.name.optional(),
  symbol: currencyFields.symbol.optional(),
  rateToBase: currencyFields.rateToBase.optional().describe("Units of the base currency per unit; open opportunities in this currency follow it"),
  rateDate: isoDateSchema.optional().describe("Today by default when the rate changes"),
  active: activeField.optional(),
  updatedAt: updatedAtPrecondition,
});
export type CurrencyPatch = Omit<z.output<typeof currencyUpdateSchema>, "updatedAt">;

/** The settings actions name the currency in their input; the API names it in the path. */
export const currencyUpdateActionSchema = currencyUpdateSchema.omit({ updatedAt: true }).extend({ code: currencyCodeSchema });
