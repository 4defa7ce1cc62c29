// Field-level rules shared by the opportunity schemas (and reused by the
// account and contact schemas): money as decimal strings, dates as
// YYYY-MM-DD, ids as strings. Messages are written for people.
import { z } from "zod";

/** An amount >= 0 with at most 2 decimals, as a string ("1250.00"). */
export const moneyField = z
  .string({ error: "Enter an amount" })
  .trim()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, "Enter an amount of 0 or more with at most 2 decimals");

/** An exchange rate > 0 with at most 8 decimals. */
export const rateField = z
  .string({ error: "Enter an exchange rate" })
  .trim()
  .regex(/^\d{1,10}(\.\d{1,8})?$/, "Enter a rate with at most 8 decimals")
  .refine((v) => Number(v) > 0, "The exchange rate must be more than 0");

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2999;
}

/** True for a timestamp from 1900 to 2999 (the database and the forms agree on that range). */
export function isIsoTimestampInRange(value: string): boolean {
  const time = Date.parse(value);
  return time >= Date.UTC(1900, 0, 1) && time < Date.UTC(3000, 0, 1);
}

export const dateField = z.string({ error: "Enter a date" }).trim().refine(isIsoDate, "Enter a valid date (YYYY-MM-DD)");

export const idField = (what: string) => z.string({ error: `Choose a ${what}` }).trim().min(1, `Choose a ${what}`).max(64, `Unknown ${what}`);

/** Optional free text: trimmed, blank becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const optionalId = (what: string) => idField(what).nullable().optional();
