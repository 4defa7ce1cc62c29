// Pieces shared by the settings schemas.
import { z } from "zod";
import { isIsoDate } from "./opportunity-fields";

export const idSchema = z.string().min(1, "Required").max(64);
export const nameSchema = z.string().trim().min(1, "Enter a name").max(80, "At most 80 characters");
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a color like #4f46e5");
export const reorderSchema = z.object({ ids: z.array(idSchema).min(1).max(500) });
export const setActiveSchema = z.object({ id: idSchema, active: z.boolean() });
/** A YYYY-MM-DD calendar date (1900 to 2999, as every date the app stores). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine(isIsoDate, "Not a real date between 1900 and 2999");
