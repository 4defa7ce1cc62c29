// Wire formats shared by the endpoint contracts of the reference resources.
import { z } from "zod";

export const timestamp = z.string().describe("ISO 8601 UTC");
export const day = z.string().describe("YYYY-MM-DD");

/** A DELETE's answer; `extra` says what the delete moved on the way. */
export const deletedSchema = <T extends z.ZodRawShape>(extra: T) => z.object({ id: z.string(), deleted: z.literal(true), ...extra });

/** ?sort=field or -field among `fields`. */
export function sortQuery(fields: readonly string[], fallback: string) {
  return z
    .string()
    .regex(new RegExp(`^-?(${fields.join("|")})$`), `Sort by ${fields.join(", ")}, with - for descending`)
    .default(fallback);
}
