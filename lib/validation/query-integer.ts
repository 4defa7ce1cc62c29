// Whole numbers read from a URL's query string (API paging, page numbers):
// decimal digits only. z.coerce.number() runs Number(), which also reads
// "0x10" as 16, "1e1" as 10, " 7" as 7 and "" as 0. A JavaScript integer is
// accepted too, for code that passes a default. Documented as an integer.
import { z } from "zod";

const DECIMAL_DIGITS = /^\d{1,15}$/;

const isWholeNumber = (v: unknown) => (typeof v === "number" ? Number.isSafeInteger(v) : typeof v === "string" && DECIMAL_DIGITS.test(v));

/** An integer from min to max. `fallback` only documents the default the caller applies. */
export function queryInteger(min: number, max: number, fallback?: number) {
  return z
    .custom<string | number>(isWholeNumber, "Use a whole number in decimal digits")
    // On the input side, where the OpenAPI document reads a parameter's schema.
    .meta({ type: "integer", minimum: min, maximum: max, ...(fallback === undefined ? {} : { default: fallback }) })
    .transform(Number)
    .pipe(z.number().min(min, `At least ${min}`).max(max, `At most ${max}`));
}
