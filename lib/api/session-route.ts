// Route handlers outside /api/v1 (the board's reads, the CSV exports): the
// browser's session only, no API key, rate limit or idempotency (the public
// API's wrapper, route.ts, adds those), and their response shape is the UI's,
// free to change with it. What the whole family shares (apiRoute,
// serverAction, sessionRoute, forPage): the caller re-checked on every
// request, NUL refused at the edge, one error mapping (errorResponse) under
// the request's id. The request's log line is written by request-log.ts.
import type { Actor } from "@/lib/server/auth/actor";
import { actorOrThrow } from "@/lib/server/auth/session";
import { errorResponse } from "@/lib/server/error-mapping";
import { validationError } from "@/lib/server/errors";
import { requestIdFrom } from "@/lib/server/request-id";
import { urlNulFields } from "@/lib/validation/nul";

export interface SessionRouteContext<P> {
  actor: Actor;
  url: URL;
  params: P;
  request: Request;
}

/** A GET handler: `run` answers a Response (a file) or data sent as JSON; every error is the one error shape. */
export function sessionRoute<P extends Record<string, string> = Record<string, never>>(run: (ctx: SessionRouteContext<P>) => Promise<unknown>) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const headers = { "Cache-Control": "no-store", "X-Request-Id": requestId };
    try {
      const actor = await actorOrThrow();
      const url = new URL(request.url);
      const nul = urlNulFields(url);
      if (nul) throw validationError(nul);
      const result = await run({ actor, url, params: ((await context?.params) ?? {}) as P, request });
      if (!(result instanceof Response)) return Response.json(result, { headers });
      for (const [name, value] of Object.entries(headers)) if (!result.headers.has(name)) result.headers.set(name, value);
      return result;
    } catch (error) {
      const { status, body, retryAfterSeconds } = errorResponse(error, { requestId });
      return Response.json(body, { status, headers: { ...headers, ...(retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {}) } });
    }
  };
}

/** A CSV download named `<name>-<today>.csv`, with the byte-order mark Excel needs to read UTF-8. */
export function csvResponse(name: string, csv: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
