// Builds a Next.js route handler from an endpoint contract: request id,
// authentication (API key or session), same-origin check for cookie writes,
// rate limit, JSON body within 1 MB, strict validation, idempotency, one
// error shape, and a structured log line per request. Its siblings:
// serverAction (lib/server/action.ts), sessionRoute (./session-route.ts) and
// forPage (lib/server/page.ts) map errors the same way.
import type { z } from "zod";
import { env } from "@/lib/env";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-key";
import type { Actor } from "@/lib/server/auth/actor";
import { currentActor } from "@/lib/server/auth/session";
import { errorResponse } from "@/lib/server/error-mapping";
import { AppError } from "@/lib/server/errors";
import { completeIdempotencyKey, releaseIdempotencyKey, requestHash, reserveIdempotencyKey } from "@/lib/server/idempotency";
import { logger } from "@/lib/log";
import { requestIdFrom } from "@/lib/server/request-id";
import { fieldMap } from "@/lib/validation/field-map";
import { nulFields } from "@/lib/validation/nul";
import type { RateLimitResult } from "@/lib/server/rate-limit";
import { readJsonBody } from "./body";
import { honoursIdempotencyKey, type Endpoint } from "./endpoint";
import { ApiReply, RawJson } from "./reply";
import { isSameOrigin } from "./same-origin";

type Infer<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiContext<E extends Endpoint<any, any, any, any, any>> {
  actor: E["auth"] extends "user" ? Actor : Actor | null;
  params: Infer<E["params"]>;
  query: Infer<E["query"]>;
  body: Infer<E["body"]>;
  request: Request;
  requestId: string;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

interface Caller {
  actor: Actor | null;
  rateLimit?: RateLimitResult;
}

async function identify(request: Request, required: boolean): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new AppError("UNAUTHENTICATED", "Use Authorization: Bearer <api key>");
    const auth = await authenticateApiKey(match[1], env().API_RATE_LIMIT_PER_MINUTE);
    if (!auth) throw new AppError("UNAUTHENTICATED", "Invalid or revoked API key");
    if (!auth.rateLimit.allowed) {
      throw new AppError("RATE_LIMITED", `Rate limit of ${auth.rateLimit.limit} requests per minute exceeded`, undefined, auth.rateLimit.retryAfter);
    }
    return { actor: { ...auth.actor, apiKeyId: auth.keyId }, rateLimit: auth.rateLimit };
  }
  if (!required) return { actor: null };
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Authentication required: send Authorization: Bearer <api key>");
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOrigin(request)) {
    throw new AppError("FORBIDDEN", "Cross-site requests with a session cookie are refused; use an API key");
  }
  return { actor };
}

function searchParamsObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

function parseWith<T extends z.ZodType | undefined>(schema: T, value: unknown, prefix: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const nul = nulFields(value, prefix);
  if (nul) throw new AppError("VALIDATION", "Some fields are invalid", nul);
  const result = schema.safeParse(value);
  if (result.success) return result.data as Infer<T>;
  const fields = fieldMap();
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[prefix + [...issue.path.map(String), key].join(".")] = "Unknown field";
      continue;
    }
    fields[prefix + (issue.path.length ? issue.path.map(String).join(".") : "_root")] ??= issue.message;
  }
  throw new AppError("VALIDATION", "Some fields are invalid", fields);
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(status === 204 ? null : body instanceof RawJson ? body.text : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function apiRoute<E extends Endpoint<any, any, any, any, any>>(ep: E, handler: (ctx: ApiContext<E>) => Promise<unknown>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    const url = new URL(request.url); // parsed once: the query, the idempotency scope and the log line read it
    let caller: Caller = { actor: null };
    let status = 500;
    let reservation: string | null = null;
    try {
      caller = await identify(request, ep.auth === "user");
      if (caller.rateLimit) {
        headers["X-RateLimit-Limit"] = String(caller.rateLimit.limit);
        headers["X-RateLimit-Remaining"] = String(Math.max(0, caller.rateLimit.limit - caller.rateLimit.count));
      }
      const params = parseWith(ep.params, await context.params, "");
      const query = parseWith(ep.query, searchParamsObject(url), "");
      let body: unknown = undefined;
      let raw = "";
      if (ep.body) {
        ({ value: body, raw } = await readJsonBody(request));
        body = parseWith(ep.body, body, "");
      }
      const key = request.headers.get("idempotency-key");
      if (honoursIdempotencyKey(ep) && key !== null && caller.actor) {
        const reserved = await reserveIdempotencyKey(caller.actor.id, key, request.method, url.pathname, requestHash(request.method, url.pathname, raw));
        if (reserved.kind === "replay") {
          status = reserved.response.status;
          return jsonResponse(status, reserved.response.body, { ...headers, ...reserved.response.headers, "Idempotent-Replayed": "true" });
        }
        reservation = reserved.id;
      }
      const result = await handler({ actor: caller.actor, params, query, body, request, requestId } as ApiContext<E>);
      const reply = result instanceof ApiReply ? result : new ApiReply(result, ep.status ?? 200);
      status = reply.status;
      if (reservation) await completeIdempotencyKey(reservation, { status, body: reply.body instanceof RawJson ? JSON.parse(reply.body.text) : reply.body, headers: reply.headers });
      return jsonResponse(status, reply.body, { ...headers, ...reply.headers });
    } catch (error) {
      const mapped = errorResponse(error, { requestId });
      status = mapped.status;
      if (reservation) {
        if (status >= 500) await releaseIdempotencyKey(reservation).catch(() => {});
        else await completeIdempotencyKey(reservation, { status, body: mapped.body }).catch(() => {});
      }
      if (mapped.retryAfterSeconds) headers["Retry-After"] = String(mapped.retryAfterSeconds);
      return jsonResponse(status, mapped.body, headers);
    } finally {
      logger.info(
        { requestId, userId: caller.actor?.id, method: request.method, path: url.pathname, status, durationMs: Math.round(performance.now() - started) },
        "api request",
      );
    }
  };
}
