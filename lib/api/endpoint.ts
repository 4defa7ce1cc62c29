// An endpoint's contract: method, path, auth and schemas. Route handlers are
// built from it (lib/api/route.ts) and the OpenAPI document is generated from
// the same objects (lib/api/openapi.ts), so the two cannot drift apart.
import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends "public" | "user" = "public" | "user",
> {
  method: HttpMethod;
  /** OpenAPI path under /api/v1, e.g. "/opportunities/{id}". */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** "public" needs no credentials; "user" takes an API key or a signed-in session. */
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Success status: 200 by default, 201 for creations. */
  status?: 200 | 201;
  /** Error statuses this endpoint can answer besides the common ones. */
  errors?: number[];
  /** Example request body for the reference. */
  example?: unknown;
  /** PATCH and DELETE honour If-Match unless the object has nothing to compare it with (false). */
  ifMatch?: boolean;
}

/**
 * Every POST honours the Idempotency-Key header (creations, moves, reorders
 * alike): a retry with the same key and body answers the first result instead
 * of doing the work again. PUT, PATCH and DELETE are idempotent by themselves.
 */
export const honoursIdempotencyKey = (ep: Pick<Endpoint, "method">) => ep.method === "post";

export function endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, const A extends "public" | "user">(
  definition: Endpoint<P, Q, B, R, A>,
): Endpoint<P, Q, B, R, A> {
  return definition;
}
