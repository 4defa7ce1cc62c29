// Schemas shared by many API endpoints and by the OpenAPI document.
import { z } from "zod";
import { isIsoTimestampInRange } from "./opportunity-fields";

export const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "GONE", "VALIDATION", "RATE_LIMITED", "UNAVAILABLE", "INTERNAL"]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe("Field path -> what is wrong with it (422)"),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });

export const queryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");

/** Optimistic concurrency for objects without a version: the updatedAt the client read. */
export const updatedAtPrecondition = z.iso
  .datetime({ offset: true, error: "Send back the updatedAt you read, as an ISO 8601 timestamp" })
  .optional()
  .describe("The updatedAt you read; if the object changed since, the update answers 409 and changes nothing (or send If-Match)");

/** A filter on an id in a query string. */
export const idFilter = z.string().min(1).max(100).optional();

/** `?updatedSince=`: an ISO 8601 timestamp the database can compare (1900 to 2999). */
export const updatedSinceFilter = z.iso
  .datetime({ offset: true, error: "Use an ISO 8601 timestamp" })
  .refine(isIsoTimestampInRange, "Use a time between 1900 and 2999")
  .optional();
