// Field rules shared by the inputs of the admin-edited data (pipelines, stages,
// lists, currencies, custom fields, users, quotas), in forms, actions and the API.
import { z } from "zod";
import { queryBoolean } from "./api-common";
import { isIsoDate } from "./opportunity-fields";

export const idSchema = z.string().min(1, "Required").max(64);
export const nameSchema = z.string().trim().min(1, "Enter a name").max(80, "At most 80 characters");
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a color like #4f46e5");
/** A whole list in its new order (the settings screens' move buttons and drag and drop). */
export const reorderSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(500) });
/** A YYYY-MM-DD calendar date (1900 to 2999, as every date the app stores). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine(isIsoDate, "Not a real date between 1900 and 2999");

/** One item moved to a place in its list (the API's PATCH). */
export const positionField = z
  .number({ error: "Enter a whole number" })
  .int("Enter a whole number")
  .min(0, "Cannot be negative")
  .max(10_000, "At most 10000")
  .describe("0-based place in the list; the others shift to make room");

export const activeField = z.boolean({ error: "Must be true or false" });
export const activeFilter = queryBoolean.optional().describe("true: only active ones, false: only deactivated ones");
