// The server action body check of the edge (lib/api/action-body.ts) against
// React's own client: every argument list React's encodeReply can produce
// from the values the app's forms send passes, so the check never refuses a
// real browser; what it refuses is pinned in tests/unit/hostile-input-rules.test.ts
// and, over HTTP, by the fuzz (tests/reliability/hostile-input.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formReply, jsonDepth, MAX_ACTION_DEPTH, replyBodyProblem, textReply } from "@/lib/api/action-body";

// The client half of React's reply format, as Next.js's browser bundle uses it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as { encodeReply: (v: unknown) => Promise<string | FormData> };

const problemOf = (encoded: string | FormData) => replyBodyProblem(typeof encoded === "string" ? textReply(encoded) : formReply(encoded));

/** What actions receive: plain data (strings that look like references included), dates, bigints, undefined, maps, sets, form data. */
const argument = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.constantFrom("$", "$$", "$@0", "$K1", "$undefined", "$Q1", "$n1", "$T", "$D", "$1:a"),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.bigInt(),
  ),
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("leaf"), tie("array"), tie("object"), tie("map"), tie("set")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4, noNullPrototype: true }),
  map: fc.array(fc.tuple(fc.string({ maxLength: 4 }), tie("value")), { maxLength: 3 }).map((entries) => new Map(entries)),
  set: fc.array(tie("leaf"), { maxLength: 3 }).map((items) => new Set(items)),
}));

const formData = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }).map((fields) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
});

describe("server action bodies", () => {
  it("passes every argument list React's client encodes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 4, arbitrary: argument.value }, { weight: 1, arbitrary: formData }), { maxLength: 3 }), async (args) => {
        expect(problemOf(await encodeReply(args))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("passes the sign-in form's call (previous state and the form) and an object repeated in the arguments", async () => {
    const form = new FormData();
    form.append("email", "alice@example.com");
    form.append("password", "$not-a-reference");
    expect(problemOf(await encodeReply([{}, form]))).toBeNull();
    const shared = { name: "x" };
    expect(problemOf(await encodeReply([{ a: shared, b: shared }]))).toBeNull();
  });

  it("measures nesting without parsing, ignoring brackets inside strings", () => {
    expect(jsonDepth('[{"a":"[[[{{{"}]')).toBe(2);
    expect(jsonDepth('["\\"[[["]')).toBe(1);
    expect(jsonDepth("[".repeat(100_000), MAX_ACTION_DEPTH)).toBe(MAX_ACTION_DEPTH + 1);
  });
});
