// Derives fast-check arbitraries from zod 4 schemas, through zod's own JSON
// Schema export (z.toJSONSchema, the documented way to read a schema's shape;
// the OpenAPI document is generated the same way). The values are "valid-ish":
// they satisfy the schema's types, lengths, ranges, enums and patterns, but not
// its refinements (a real date, a stage that exists), which the fuzz supplies
// through `hint` (ids of real records, date-like strings) or leaves to chance.
import fc from "fast-check";
import { z } from "zod";

export type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** Replaces the derived arbitrary of a property by name (ids from a pool, dates), or returns undefined to keep it. */
export type Hint = (key: string, schema: JsonSchema, derived: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown> | undefined;

/** Generated strings and arrays stay short unless a pattern or minimum says otherwise; huge ones come from the mutations. */
const MAX_STRING = 40;
const MAX_ITEMS = 4;

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema & { $schema?: string };
  delete json.$schema;
  return json;
}

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  if (s.pattern) {
    try {
      const pattern = new RegExp(s.pattern);
      return fc.stringMatching(pattern).filter((v) => v.length <= (s.maxLength ?? Infinity) && v.length >= (s.minLength ?? 0));
    } catch {
      /* a pattern fast-check cannot read: fall through to plain strings */
    }
  }
  if (s.format === "email") return fc.emailAddress();
  if (s.format === "date-time") return fc.date({ min: new Date("1900-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? MAX_STRING, MAX_STRING));
  // Most schemas trim before counting, which JSON Schema cannot say: keep enough non-blank characters.
  return fc
    .oneof({ weight: 3, arbitrary: fc.string({ minLength, maxLength }) }, { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: "binary" }) })
    .filter((v) => v.trim().length >= minLength);
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0) : undefined);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0) : undefined);
  if (integer) return fc.integer({ min: Math.max(min ?? -1e6, Number.MIN_SAFE_INTEGER), max: Math.min(max ?? 1e6, Number.MAX_SAFE_INTEGER) });
  return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(s: JsonSchema, hint: Hint | undefined): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  if (Object.keys(props).length === 0 && s.additionalProperties && typeof s.additionalProperties === "object") {
    const keys = s.propertyNames ? (arbitraryFor(s.propertyNames, hint) as fc.Arbitrary<string>) : fc.string({ minLength: 1, maxLength: 20 });
    return fc.dictionary(keys, arbitraryFor(s.additionalProperties, hint), { maxKeys: 3 });
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, prop] of Object.entries(props)) {
    const derived = arbitraryFor(prop, hint);
    model[key] = hint?.(key, prop, derived) ?? derived;
  }
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) });
}

/** An arbitrary of values shaped like the JSON schema `s`. */
export function arbitraryFor(s: JsonSchema, hint?: Hint): fc.Arbitrary<unknown> {
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((option) => arbitraryFor(option, hint)));
  if (s.allOf?.length) return arbitraryFor(s.allOf[0], hint);
  if (s.enum) return fc.constantFrom(...s.enum);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => arbitraryFor({ ...s, type }, hint)));
  switch (s.type) {
    case "string":
      return stringArbitrary(s);
    case "integer":
      return numberArbitrary(s, true);
    case "number":
      return numberArbitrary(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = s.minItems ?? 0;
      return fc.array(s.items ? arbitraryFor(s.items, hint) : fc.jsonValue({ maxDepth: 1 }), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    }
    case "object":
      return objectArbitrary(s, hint);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Valid-ish values for a zod schema (see the header). */
export function arbitraryOf(schema: z.ZodType, hint?: Hint): fc.Arbitrary<unknown> {
  return arbitraryFor(jsonSchemaOf(schema), hint);
}
