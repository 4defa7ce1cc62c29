// The OpenAPI 3.1 document, generated from the endpoint contracts and their
// zod schemas: the same objects that validate requests.
import { z } from "zod";
import { errorSchema } from "@/lib/validation/api-common";
import { honoursIdempotencyKey, type Endpoint } from "./endpoint";
import { ALL_ENDPOINTS } from "./endpoints";

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request (invalid JSON, body over 1 MB, wrong content type)",
  401: "Missing, invalid or revoked credentials",
  403: "Not allowed for this user",
  404: "Not found (or not visible to this user)",
  409: "Version conflict or duplicate",
  410: "Gone: the cursor points before what is still kept (events are kept for EVENT_RETENTION_DAYS)",
  422: "Validation failed; `fields` names each bad field",
  429: "Rate limited; see Retry-After",
  500: "Unexpected error; the body carries a requestId",
  503: "Database unavailable; see Retry-After",
};

/** Converts a zod schema, hoisting named sub-schemas ($defs) into components. */
function toSchema(schema: z.ZodType, io: "input" | "output", components: Components): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const defs = (json.$defs ?? {}) as Components;
  delete json.$defs;
  delete json.$schema;
  for (const [name, def] of Object.entries(defs)) components[name] ??= rewriteRefs(def) as JsonSchema;
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  const body = rewriteRefs(json) as JsonSchema;
  if (id) {
    components[id] ??= body;
    return { $ref: `#/components/schemas/${id}` };
  }
  return body;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewriteRefs(v)]),
    );
  }
  return value;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query", components: Components) {
  if (!schema) return [];
  const json = toSchema(schema, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

export function operationId(ep: Endpoint): string {
  const words = ep.path
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith("{") ? `By-${part.slice(1, -1)}` : part))
    .join("-")
    .split(/[-_]/)
    .map((w) => w[0].toUpperCase() + w.slice(1));
  return ep.method + words.join("");
}

function operation(ep: Endpoint, components: Components) {
  const errors = new Set<number>([500, ...(ep.errors ?? [])]);
  if (ep.auth === "user") [401, 429, 503].forEach((s) => errors.add(s));
  if (ep.params || ep.query || ep.body) errors.add(422);
  if (ep.body) errors.add(400);
  const headerParams = [
    ...(honoursIdempotencyKey(ep)
      ? [{ name: "Idempotency-Key", in: "header", required: false, description: "Same key and body within 24 hours return the first result", schema: { type: "string", maxLength: 255 } }]
      : []),
    ...((ep.method === "patch" || ep.method === "delete") && ep.ifMatch !== false
      ? [{ name: "If-Match", in: "header", required: false, description: "The ETag you last read; a stale one answers 409 and changes nothing. `*` means any version: the write applies", schema: { type: "string" } }]
      : []),
  ];
  return {
    operationId: operationId(ep),
    summary: ep.summary,
    ...(ep.description ? { description: ep.description } : {}),
    tags: [ep.tag],
    security: ep.auth === "user" ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [],
    parameters: [...parameters(ep.params, "path", components), ...parameters(ep.query, "query", components), ...headerParams],
    ...(ep.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toSchema(ep.body, "input", components), ...(ep.example ? { example: ep.example } : {}) } },
          },
        }
      : {}),
    responses: {
      [String(ep.status ?? 200)]: {
        description: ep.status === 201 ? "Created" : "OK",
        content: { "application/json": { schema: toSchema(ep.response, "output", components) } },
      },
      ...Object.fromEntries([...errors].sort().map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

export function buildOpenApiDocument(endpoints: Endpoint[] = ALL_ENDPOINTS) {
  const components: Components = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const ep of endpoints) (paths[ep.path] ??= {})[ep.method] = operation(ep, components);
  const errorRef = toSchema(errorSchema, "output", components);
  return {
    openapi: "3.1.0",
    info: {
      title: "Pipeline CRM API",
      version: "1.0.0",
      description:
        "JSON over HTTPS. Authenticate with `Authorization: Bearer <api key>` (create keys under Settings → API keys). " +
        "Money is a decimal string (\"1250.00\"), dates are YYYY-MM-DD, timestamps ISO 8601 UTC. Lists take limit (max 100) " +
        "with offset or cursor and answer { data, total, hasMore, nextCursor }. Errors share one shape.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A signed-in browser session (same origin only for writes)" },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([status, description]) => [
          `Error${status}`,
          { description, content: { "application/json": { schema: errorRef } } },
        ]),
      ),
    },
  };
}
