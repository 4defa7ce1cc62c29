// One structured log line per HTTP request that the API wrapper does not log
// itself (pages, server actions, Auth.js, board reads, health): request id,
// user id, method, path, status and duration. Pages have no place that sees
// both the request and its final status, so this listens where Node's own
// HTTP server publishes each request's start and finish (diagnostics_channel,
// stable in Node 20); it costs nothing for requests it skips.
import dc from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getToken } from "next-auth/jwt";
import { isConnectionError } from "@/lib/db/connection-errors";
import { authSecret } from "./auth/secret";
import { actionName } from "./action-names";
import { logger } from "../log";

interface HttpMessage {
  request: IncomingMessage;
  response: ServerResponse;
}

/** /api/v1 is logged by lib/api/route.ts (with its API key's user); static files are not worth a line. */
const SKIPPED = /^\/(api\/v1\/|_next\/static\/|_next\/image|favicon\.ico)/;
const SECURE_COOKIE = "__Secure-authjs.session-token";

const started = new WeakMap<IncomingMessage, number>();
let installed = false;

/** The signed-in user's id, from the session cookie that Auth.js signed and encrypted. */
async function sessionUserId(request: IncomingMessage): Promise<string | undefined> {
  const cookie = request.headers.cookie;
  if (!cookie?.includes("authjs.session-token")) return undefined;
  try {
    const token = await getToken({
      req: { headers: { cookie } },
      secret: authSecret(),
      secureCookie: cookie.includes(SECURE_COOKIE),
    });
    return typeof token?.uid === "string" ? token.uid : undefined;
  } catch {
    return undefined;
  }
}

function kindOf(request: IncomingMessage, path: string): "action" | "page" | "route" {
  if (request.headers["next-action"]) return "action";
  return path.startsWith("/api/") ? "route" : "page";
}

async function logFinished({ request, response }: HttpMessage) {
  const start = started.get(request);
  const path = (request.url ?? "/").split("?")[0];
  if (start === undefined || SKIPPED.test(path)) return;
  const durationMs = Math.round(performance.now() - start);
  const kind = kindOf(request, path);
  const header = response.getHeader("x-request-id") ?? request.headers["x-request-id"];
  logger.info(
    {
      requestId: typeof header === "string" ? header : crypto.randomUUID(),
      userId: await sessionUserId(request),
      method: request.method,
      path,
      status: response.statusCode,
      durationMs,
      kind,
      ...(kind === "action" ? { action: actionName(String(request.headers["next-action"])) } : {}),
    },
    `${kind} request`,
  );
}

export function logHttpRequests(): void {
  if (installed) return;
  installed = true;
  dc.subscribe("http.server.request.start", (message) => started.set((message as HttpMessage).request, performance.now()));
  dc.subscribe("http.server.response.finish", (message) => {
    logFinished(message as HttpMessage).catch((error: unknown) => logger.warn({ err: error }, "request log failed"));
  });
}

interface ErroredRequest {
  path: string;
  method: string;
  headers: NodeJS.Dict<string | string[]>;
}

/**
 * The log record of an error a page, route or action threw (Next.js's
 * onRequestError): under the request's id, in JSON like every other line. A
 * lost database is an operational state, logged as a warning without a stack.
 */
export function requestErrorRecord(error: unknown, request: ErroredRequest, context: { routePath: string; routeType: string }) {
  const requestId = request.headers["x-request-id"];
  const base = {
    requestId: typeof requestId === "string" ? requestId : undefined,
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
  };
  return isConnectionError(error)
    ? { level: "warn" as const, fields: { ...base, code: "UNAVAILABLE", error: String((error as Error)?.message ?? error).slice(0, 300) }, msg: "request failed: database unavailable" }
    : { level: "error" as const, fields: { ...base, err: error }, msg: "request failed" };
}

export function logRequestError(...args: Parameters<typeof requestErrorRecord>): void {
  const record = requestErrorRecord(...args);
  logger[record.level](record.fields, record.msg);
}
