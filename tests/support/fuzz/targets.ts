// What the fuzz sends: for every /api/v1 endpoint (ALL_ENDPOINTS, with its
// zod schemas), every other guarded route handler (from the file system) and
// every server action (with the schema of its access-control row), an
// arbitrary of calls: a caller, derived valid-ish input, then a mutation of it
// (see hostile.ts), and at the byte level, malformed bodies.
import fc from "fast-check";
import { honoursIdempotencyKey, type Endpoint } from "@/lib/api/endpoint";
import type { RouteHandler } from "../app-routes";
import type { ServerActionRef } from "../server-actions";
import { deepArrayJson, deepObjectJson, mutate } from "./hostile";
import type { FuzzPools } from "./pools";
import { arbitraryFor, jsonSchemaOf, type JsonSchema } from "./schema-arbitrary";
import type { z } from "zod";

export type CallerName = "bob-key" | "bob-session" | "alice-key" | "manager-key" | "admin-key" | "admin-session" | "manager-session" | "alice-session" | "bob" | "anonymous" | "bad-key";

export interface RouteCall {
  kind: "route";
  target: string;
  endpoint?: Endpoint;
  caller: CallerName;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  mutation: string;
}

export interface ActionCall {
  kind: "action";
  target: string;
  action: ServerActionRef;
  caller: CallerName;
  input: unknown;
  rawBody?: string;
  /** An Origin other than the app's: a cross-site call, refused with 403. */
  origin?: string;
  mutation: string;
}

export type FuzzCall = RouteCall | ActionCall;

const printable = (max: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });

const apiCaller: fc.Arbitrary<CallerName> = fc.constantFrom<CallerName>(
  "bob-key", "bob-key", "bob-key", "bob-key", "bob-session", "alice-key", "manager-key", "admin-key", "admin-key", "anonymous", "bad-key",
);
const sessionCaller: fc.Arbitrary<CallerName> = fc.constantFrom<CallerName>("bob-session", "bob-session", "alice-session", "manager-session", "admin-session", "anonymous");
const actionCaller: fc.Arbitrary<CallerName> = fc.constantFrom<CallerName>("bob-session", "bob-session", "bob-session", "admin-session", "admin-session", "admin-session", "manager-session", "alice-session", "anonymous");

/** A value as it travels in a URL: arrays repeat the key, objects go as JSON. */
function queryString(value: unknown): string {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, typeof item === "object" && item !== null ? JSON.stringify(item) : String(item));
  }
  // Past Node.js's 16 KB request head the server only closes the connection: stay a little below it.
  const s = params.toString().slice(0, 14_000);
  return s ? `?${s}` : "";
}

/** Percent-encoded, lone surrogates as the invalid UTF-8 bytes a careless client would send. */
function pathSegment(value: unknown): string {
  const raw = typeof value === "string" ? value : (JSON.stringify(value) ?? "x");
  // Cut before encoding, so that only lone surrogates make an escape that does not decode.
  const text = encodeURIComponent(raw.slice(0, 1000).toWellFormed()).replaceAll("%EF%BF%BD", "%ED%A0%80");
  // "", "." and ".." would change which route answers (or make the client normalise the URL away).
  return text === "" || text === "." || text === ".." ? "x" : text;
}

/** Bodies no schema describes: broken JSON, hostile encodings, the size limit. */
const rawBody: fc.Arbitrary<{ body?: string; contentType?: string; mutation: string }> = fc.oneof(
  fc.constant({ body: undefined, mutation: "no body" }),
  fc.constant({ body: "", mutation: "empty body" }),
  fc.constantFrom('{"title":', "{'a':1}", "[1,2", "nul", "\u0000", "{}garbage", '{"a":1}{"b":2}').map((body) => ({ body, mutation: "malformed JSON" })),
  fc.constantFrom("null", "[]", "0", '"text"', "true", '{"title":"a","title":{"x":1}}', "\uFEFF{}").map((body) => ({ body, mutation: "odd JSON" })),
  fc.constantFrom(1000, 10_000, 100_000).map((n) => ({ body: deepArrayJson(n), mutation: `array nested ${n} deep` })),
  fc.constantFrom(1000, 10_000).map((n) => ({ body: deepObjectJson(n), mutation: `object nested ${n} deep` })),
  fc.constant({ body: `{"title":"${"x".repeat(1_200_000)}"}`, mutation: "body over 1 MB" }),
  fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1").map((contentType) => ({ body: "title=x", contentType, mutation: `content type ${contentType}` })),
);

/** Valid-ish values of a schema, then one mutation. */
function mutated(schema: JsonSchema | undefined, pools: FuzzPools): fc.Arbitrary<{ value: unknown; mutation: string }> {
  if (!schema) return fc.constant({ value: undefined, mutation: "" });
  return arbitraryFor(schema, pools.hint)
    .chain((valid) => fc.oneof({ weight: 3, arbitrary: fc.constant({ kind: "valid-ish", value: valid }) }, { weight: 4, arbitrary: mutate(valid, pools.anyId) }))
    .map((m) => ({ value: m.value, mutation: m.kind }));
}

/** How no client writes an integer, though JavaScript's Number() reads each as one. */
const INTEGER_LOOKALIKES = ["0x10", "1e1", " 7", "7 ", "", "+3", "-0", "2.0", "0b11", "Infinity"];

/** A query of one integer parameter written as a look-alike, and nothing else that could get it refused. */
function integerLookalikes(query: JsonSchema | undefined): fc.Arbitrary<{ value: unknown; mutation: string }> | null {
  const names = Object.entries(query?.properties ?? {}).filter(([, p]) => p.type === "integer").map(([name]) => name);
  if (!names.length) return null;
  return fc.record({ name: fc.constantFrom(...names), text: fc.constantFrom(...INTEGER_LOOKALIKES) }).map(({ name, text }) => ({ value: { [name]: text }, mutation: `${name} written as ${JSON.stringify(text)}` }));
}

export function endpointCalls(ep: Endpoint, pools: FuzzPools): fc.Arbitrary<RouteCall> {
  const method = ep.method.toUpperCase();
  const params = ep.params ? jsonSchemaOf(ep.params) : undefined;
  const query = ep.query ? jsonSchemaOf(ep.query) : undefined;
  const body = ep.body ? jsonSchemaOf(ep.body) : undefined;
  const headers = fc.record(
    {
      ...(honoursIdempotencyKey(ep) ? { "Idempotency-Key": printable(300) } : {}),
      ...(ep.params ? { "If-Match": fc.oneof(fc.constantFrom('"1"', 'W/"2"', "*", '"999999999"', '"-1"'), printable(40)) } : {}),
    },
    { requiredKeys: [] },
  );
  const lookalikes = integerLookalikes(query);
  const queryArb = lookalikes ? fc.oneof({ weight: 6, arbitrary: mutated(query, pools) }, { weight: 1, arbitrary: lookalikes }) : mutated(query, pools);
  const bodyArb = body
    ? fc.oneof(
        { weight: 6, arbitrary: mutated(body, pools).map((m) => ({ body: JSON.stringify(m.value) as string | undefined, contentType: undefined as string | undefined, mutation: `body ${m.mutation}` })) },
        { weight: 1, arbitrary: rawBody },
      )
    : fc.constant({ body: undefined, contentType: undefined, mutation: "" });
  return fc
    .record({ caller: ep.auth === "public" ? fc.constant<CallerName>("anonymous") : apiCaller, params: mutated(params, pools), query: queryArb, body: bodyArb, headers })
    .map(({ caller, params: p, query: qy, body: b, headers: h }) => {
      const values = (p.value && typeof p.value === "object" ? p.value : {}) as Record<string, unknown>;
      const path = "/api/v1" + ep.path.replace(/\{(\w+)\}/g, (_, name: string) => pathSegment(values[name] ?? "x")) + queryString(qy.value);
      const allHeaders: Record<string, string> = { ...(h as Record<string, string>) };
      if (b.body !== undefined) allHeaders["Content-Type"] = b.contentType ?? "application/json";
      return {
        kind: "route" as const, target: `${method} ${ep.path}`, endpoint: ep, caller, method, path, headers: allHeaders, body: b.body,
        mutation: [p.mutation && `params ${p.mutation}`, qy.mutation && `query ${qy.mutation}`, b.mutation].filter(Boolean).join(", "),
      };
    });
}

/** Route handlers outside /api/v1 have no contract object: their query takes the filter names the app uses, with any values. */
const INTERNAL_QUERY: JsonSchema = {
  type: "object",
  properties: Object.fromEntries(
    ["pipelineId", "stageId", "owner", "ownerId", "assigneeId", "q", "closeFrom", "closeTo", "labels", "label", "cursor", "ids", "status", "sort", "dir", "page", "pageSize"].map((k) => [k, { type: "string" }]),
  ),
  required: [],
  additionalProperties: false,
};

export function routeHandlerCalls(h: RouteHandler, pools: FuzzPools): fc.Arbitrary<RouteCall> {
  return fc.record({ caller: sessionCaller, params: fc.array(fc.oneof(pools.anyId, fc.string({ maxLength: 30 })), { minLength: 3, maxLength: 3 }), query: mutated(INTERNAL_QUERY, pools) }).map(({ caller, params, query }) => {
    let i = 0;
    const path = h.path.replace(/\{\w+\}/g, () => pathSegment(params[i++])) + queryString(query.value);
    return { kind: "route" as const, target: h.key, caller, method: h.method, path, headers: {}, mutation: `query ${query.mutation}` };
  });
}

/** React's reply format read by hostile hands: references that point nowhere, the wrong number of arguments. */
const rawActionBody = fc.constantFrom(
  '["$K1"]', '["$@0"]', '["$Q1"]', '["$W1"]', '["$n1e400"]', '["$D-1"]', '["$undefined"]', '["$R1"]', '["$A0"]', '["$Zz"]', "[]", "[1,2,3]", '{"0":{}}', '"$@0"',
  "not json", deepArrayJson(5000), deepArrayJson(50_000), deepObjectJson(50_000), "", " ",
);
const foreignOrigin = fc.constantFrom("https://evil.example", "null", "http://127.0.0.1.evil.example", "not a url");

export function actionCalls(action: ServerActionRef, schema: z.ZodType | undefined, pools: FuzzPools): fc.Arbitrary<ActionCall> {
  const input = schema ? mutated(jsonSchemaOf(schema), pools) : fc.constant({ value: {}, mutation: "empty input" });
  return fc.record({
    caller: actionCaller,
    input,
    raw: fc.oneof({ weight: 11, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: rawActionBody }),
    origin: fc.oneof({ weight: 20, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: foreignOrigin }),
  }).map(({ caller, input: m, raw, origin }) => ({
    kind: "action" as const, target: action.key, action, caller, input: m.value, rawBody: raw ?? undefined, origin: origin ?? undefined,
    mutation: [raw !== null ? `raw body ${raw.slice(0, 20)}` : m.mutation, origin !== null ? `from ${origin}` : ""].filter(Boolean).join(", "),
  }));
}
