// API inputs for lost reasons and currencies, with the settings pages' field rules.
import { z } from "zod";
import { queryBoolean, updatedAtPrecondition } from "./api-common";
import { positionField } from "./api-pipelines";
import { isoDateSchema, nameSchema } from "./settings-common";
import { currencyCodeSchema, currencyCreateSchema } from "./settings-currencies";

export const activeFilter = queryBoolean.optional().describe("true: only active ones, false: only deactivated ones");

export const lostReasonApiCreateSchema = z.strictObject({ name: nameSchema });
export const lostReasonApiUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  active: z.boolean({ error: "Must be true or false" }).optional(),
  position: positionField.optional(),
});

const currency = currencyCreateSchema.shape;

export const currencyParams = z.strictObject({ code: currencyCodeSchema });

export const currencyApiCreateSchema = z.strictObject({
  ...currency,
  rateDate: isoDateSchema.optional().describe("The day the rate is for; today by default"),
});

export const currencyApiUpdateSchema = z.strictObject({
  name: currency.name.optional(),
  symbol: currency.symbol.optional(),
  rateToBase: currency.rateToBase.optional().describe("Units of the base currency per unit; open opportunities in this currency follow it"),
  rateDate: isoDateSchema.optional().describe("Today by default when the rate changes"),
  active: z.boolean({ error: "Must be true or false" }).optional(),
  updatedAt: updatedAtPrecondition,
});
