// Hostile values and mutations for the fuzz: what a careless or malicious
// client sends instead of what the schema asks for. Used by both the HTTP fuzz
// of the API and the in-process fuzz of the server actions.
import fc from "fast-check";

/** Strings that have broken servers before: NUL, lone surrogates, direction marks, numbers and dates that are not. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\u202Eevil\u202C",
  "\u200F\u200E",
  "\uFEFFbom",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦",
  "\t\r\n",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e308",
  "-1e308",
  "0x10",
  "9".repeat(40),
  "-1",
  "12.345",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  "%00",
  "%s%n",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "${7*7}",
  "__proto__",
  "constructor",
  "2026-02-30",
  "2026-13-01",
  "2026-00-10",
  "0000-01-01",
  "9999-12-31",
  "10000-01-01",
  "2026-1-1",
  "1899-12-31",
  "2026-02-29",
  "2028-02-29",
  "2026-02-28T25:61:61Z",
  "-000001-01-01T00:00:00Z",
];

export const HOSTILE_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -1e308,
  1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  Number.MIN_VALUE,
  1e-7,
];

/** Dates as clients write them, many not real. */
export const dateLike: fc.Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "2026-02-31", "2026-13-01", "2026-00-01", "0000-01-01", "9999-12-31", "1899-12-31", "2026-02-29", "2028-02-29", "2026-1-1", "26-01-01"),
);

/** A JSON array nested `depth` levels deep, as raw text (JSON.stringify would overflow the test's own stack first). */
export const deepArrayJson = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
export const deepObjectJson = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value, b: [value === "bottom" ? 1 : null] };
  return value;
}

/** Strings over the 1 MB body limit, and big ones below it. */
export const hugeString: fc.Arbitrary<string> = fc.constantFrom(100_000, 600_000, 1_100_000).chain((n) =>
  fc.constantFrom("x", "é", "😀").map((unit) => unit.repeat(Math.ceil(n / unit.length))),
);

/** Any value of the wrong kind, for any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { id: "x" }) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 200 }).map(nested) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hugeString },
);

const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "id", "version", "ownerId", "createdById", "role", "isAdmin", "userId", "passwordHash", "deleted", "x"];

export type Mutation = { kind: string; value: unknown };

function entriesOf(value: unknown): [string, unknown][] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : [];
}

/**
 * One mutation of a valid-ish object: drop a field, give a field a hostile
 * value, add a field the schema does not know, or replace the whole thing.
 * `pool` lets a field take another record's id (someone else's private deal).
 */
export function mutate(valid: unknown, pool: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  const keys = entriesOf(valid).map(([k]) => k);
  const options: fc.Arbitrary<Mutation>[] = [fc.constant({ kind: "valid-ish", value: valid }), hostileValue.map((value) => ({ kind: "replace-all", value }))];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    options.push(
      key.map((k) => ({ kind: `drop ${k}`, value: Object.fromEntries(entriesOf(valid).filter(([name]) => name !== k)) })),
      fc.tuple(key, hostileValue).map(([k, v]) => ({ kind: `hostile ${k}`, value: { ...(valid as object), [k]: v } })),
      fc.tuple(key, pool).map(([k, v]) => ({ kind: `foreign id in ${k}`, value: { ...(valid as object), [k]: v } })),
    );
  }
  if (valid && typeof valid === "object" && !Array.isArray(valid)) {
    options.push(
      fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.oneof(hostileValue, pool)).map(([k, v]) => {
        // Object.defineProperty so that "__proto__" becomes an own key (as JSON.parse makes it), not the prototype.
        const copy = { ...(valid as object) };
        Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
        return { kind: `extra ${k}`, value: copy };
      }),
    );
  }
  return fc.oneof(...options);
}
