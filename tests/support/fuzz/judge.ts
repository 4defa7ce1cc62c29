// The fuzz's oracle: what an answer to a hostile request may be. Never a 5xx
// (nor an INTERNAL action result); every refusal a 4xx in the documented error
// shape whose code matches the status; a 422 names its fields; anonymous
// callers get 401; successes match the endpoint's response schema; and no
// opportunity's version is ever seen going down.
import { z } from "zod";
import { HTTP_STATUS, type ErrorCode } from "@/lib/server/errors";
import type { ActionCall as ActionAnswer } from "../server-actions";
import type { Endpoint } from "@/lib/api/endpoint";
import { jsonSchemaOf } from "./schema-arbitrary";
import type { ActionCall, RouteCall } from "./targets";

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

const errorShape = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(HTTP_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().min(1),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});

const UNAUTHENTICATED_CALLERS = new Set(["anonymous", "bad-key"]);

function decodable(path: string): boolean {
  try {
    decodeURIComponent(new URL(path, "http://x").pathname);
    return true;
  } catch {
    return false;
  }
}

/** Highest version seen per opportunity id, across every answer of the run. */
export class VersionWatch {
  private seen = new Map<string, number>();

  /** Problems with the versions in `body` (an opportunity, a list of them, or a move result). */
  observe(body: unknown): string | null {
    const items = Array.isArray((body as { data?: unknown })?.data) ? (body as { data: unknown[] }).data : [body];
    for (const item of items) {
      const { id, version } = (item ?? {}) as { id?: unknown; version?: unknown };
      if (typeof id !== "string" || typeof version !== "number") continue;
      const before = this.seen.get(id) ?? 0;
      if (version < before) return `opportunity ${id} answered version ${version} after ${before}`;
      this.seen.set(id, version);
    }
    return null;
  }

  seed(id: string, version: number) {
    this.seen.set(id, version);
  }
}

const integerParams = new Map<Endpoint, string[]>();

/**
 * A query parameter the API documents as an integer must have been one, in
 * decimal digits, whenever the call was accepted (JavaScript's Number() would
 * also take "0x10", "1e1", " 7" and "").
 */
function acceptedNonInteger(call: RouteCall): string | null {
  const ep = call.endpoint;
  if (!ep?.query) return null;
  let names = integerParams.get(ep);
  if (!names) {
    const props = jsonSchemaOf(ep.query).properties ?? {};
    names = Object.keys(props).filter((name) => props[name].type === "integer");
    integerParams.set(ep, names);
  }
  const sent = new URL(call.path, "http://x").searchParams;
  for (const name of names) for (const value of sent.getAll(name)) if (!/^-?\d+$/.test(value)) return `accepted ${name}=${JSON.stringify(value)}, documented as an integer`;
  return null;
}

function errorProblem(status: number, json: unknown, requestId: string | null): string | null {
  const parsed = errorShape.safeParse(json);
  if (!parsed.success) return `a ${status} whose body is not the error shape: ${JSON.stringify(json)?.slice(0, 200)}`;
  const { code } = parsed.data.error;
  // Read from the JSON itself: a zod record drops a key named "__proto__".
  const fields = (json as { error: { fields?: Record<string, string> } }).error.fields;
  if (HTTP_STATUS[code] !== status) return `a ${status} with code ${code}`;
  if (status === 422 && (!fields || Object.keys(fields).length === 0)) return "a 422 without fields";
  if (requestId !== null && parsed.data.error.requestId !== requestId) return `a ${status} whose requestId is not the X-Request-Id header`;
  return null;
}

export function judgeRoute(call: RouteCall, res: HttpAnswer, versions: VersionWatch): string | null {
  if (res.status >= 500) return `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
  // Node.js's HTTP parser refuses a request head over 16 KB (a huge URL) before any app code runs.
  if (res.status === 431) return null;
  if (res.status >= 300 && res.status < 400) return `a ${res.status} redirect to ${res.headers.get("location")}`;
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  let json: unknown = undefined;
  if (isJson) {
    try {
      json = JSON.parse(res.text);
    } catch {
      return `a ${res.status} with malformed JSON`;
    }
  }
  const guarded = !call.endpoint || call.endpoint.auth === "user";
  // An address that does not decode is refused before anyone is identified (lib/api/edge-guards.ts).
  const undecodable = res.status === 400 && !decodable(call.path);
  if (guarded && UNAUTHENTICATED_CALLERS.has(call.caller) && res.status !== 401 && !undecodable) return `a ${res.status} for an unauthenticated caller`;
  if (res.status >= 400) {
    if (!isJson) return `a ${res.status} that is not JSON: ${res.text.slice(0, 120)}`;
    return errorProblem(res.status, json, call.endpoint ? res.headers.get("x-request-id") : null);
  }
  const notInteger = acceptedNonInteger(call);
  if (notInteger) return notInteger;
  if (call.endpoint && isJson) {
    const parsed = call.endpoint.response.safeParse(json);
    if (!parsed.success) return `a ${res.status} that does not match the response schema: ${JSON.stringify(parsed.error.issues[0])}`;
  }
  return isJson ? versions.observe(json) : null;
}

/**
 * A server action's body React cannot decode, or one sent from another
 * origin, is refused at the edge (lib/api/edge-guards.ts) with 400 / 403 in
 * the error shape; before, Next.js answered 500 or 200 with an error row.
 */
export function judgeAction(call: ActionCall, res: ActionAnswer, versions: VersionWatch): string | null {
  if (res.status >= 500) return `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
  if (call.origin !== undefined && res.status !== 403) return `a ${res.status} for an action sent from ${call.origin}: ${res.text.slice(0, 120)}`;
  if (!res.result) {
    // Refused before the action ran (see proxy.ts): a 4xx in the error shape.
    if (res.status < 400) return `HTTP ${res.status} without an action result: ${res.text.slice(0, 160)}`;
    try {
      return errorProblem(res.status, JSON.parse(res.text), null);
    } catch {
      return `a ${res.status} that is not JSON: ${res.text.slice(0, 120)}`;
    }
  }
  const { result } = res;
  if (UNAUTHENTICATED_CALLERS.has(call.caller) && (result.ok || result.error?.code !== "UNAUTHENTICATED")) return `an unauthenticated caller got ${JSON.stringify(result).slice(0, 120)}`;
  if (result.ok) return versions.observe(result.data);
  const problem = errorProblem(HTTP_STATUS[result.error?.code as ErrorCode] ?? 0, { error: result.error }, null);
  if (problem) return `action error: ${problem}`;
  return result.error!.code === "INTERNAL" || result.error!.code === "UNAVAILABLE" ? `action answered ${result.error!.code}: ${result.error!.message}` : null;
}
