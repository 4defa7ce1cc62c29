// The pieces the access-control table and the fuzz stand on: finding every
// route handler and server action, reading an action's answer, and deriving
// values from zod schemas. If these went blind, those tests would pass vacuously.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApiKeySchema } from "@/lib/validation/api-keys";
import { opportunityContactSchema } from "@/lib/validation/opportunity";
import { pipelineCreateSchema } from "@/lib/validation/pipelines";
import { stageFormSchema } from "@/lib/validation/stages";
import { appRouteHandlers, exportedMethods, urlPathOf } from "../support/app-routes";
import { mutate } from "../support/fuzz/hostile";
import { arbitraryOf } from "../support/fuzz/schema-arbitrary";
import { actionResultOf, sourceServerActions } from "../support/server-actions";

describe("route handlers from the file system", () => {
  it("turns route files into URL paths without route groups, with {params}", () => {
    expect(urlPathOf(`${process.cwd()}/app/(app)/opportunities/export/route.ts`)).toBe("/opportunities/export");
    expect(urlPathOf(`${process.cwd()}/app/api/auth/[...nextauth]/route.ts`)).toBe("/api/auth/{nextauth}");
    expect(urlPathOf(`${process.cwd()}/app/api/v1/opportunities/[id]/move/route.ts`)).toBe("/api/v1/opportunities/{id}/move");
  });

  it("reads every way a route module exports its methods", () => {
    expect(exportedMethods("export const GET = apiRoute(a, b);\nexport async function POST() {}\nexport function DELETE() {}")).toEqual(["GET", "POST", "DELETE"]);
    expect(exportedMethods("export const { GET, POST } = handlers;")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export { handler as PATCH, PUT };")).toEqual(["PUT", "PATCH"]);
    expect(exportedMethods("export const dynamic = 'force-dynamic'; const GET = 1;")).toEqual([]);
  });

  it("finds the app's routes", () => {
    const keys = appRouteHandlers().map((h) => h.key);
    expect(keys).toContain("PATCH /api/v1/opportunities/{id}");
    expect(keys).toContain("GET /opportunities/export");
    expect(keys).toContain("POST /api/auth/{nextauth}");
  });
});

describe("server actions", () => {
  it("are found in the sources: module exports and inline ones", () => {
    const keys = sourceServerActions();
    expect(keys).toContain("lib/actions/board.ts#moveCardAction");
    expect(keys).toContain("lib/actions/users.ts#createUserAction");
    expect(keys).toContain("components/app-shell/user-menu.tsx#$$RSC_SERVER_ACTION_0");
    expect(keys.filter((k) => k.startsWith("lib/actions/opportunities.ts#"))).toHaveLength(6);
  });

  it("answer in a flight response whose result row is read back, $-escapes undone", () => {
    const flight = '0:{"a":"$@1","q":"","i":false,"b":"x"}\n1:{"ok":false,"error":{"code":"NOT_FOUND","message":"$$5 off"}}\n';
    expect(actionResultOf(flight)).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "$5 off" } });
    expect(() => actionResultOf("<html>")).toThrow("Not a server action response");
    // React moves some objects into rows of their own and refers to them.
    const outlined = '0:{"a":"$@1","b":"x"}\n1:{"ok":false,"error":{"code":"VALIDATION","fields":"$2"}}\n2:{"name":"Enter a name"}\n';
    expect(actionResultOf(outlined)).toEqual({ ok: false, error: { code: "VALIDATION", fields: { name: "Enter a name" } } });
  });
});

describe("arbitraries derived from zod schemas", () => {
  it("satisfy schemas that have no refinements", () => {
    for (const schema of [createApiKeySchema, pipelineCreateSchema, opportunityContactSchema, stageFormSchema]) {
      fc.assert(fc.property(arbitraryOf(schema), (value) => schema.safeParse(value).success), { numRuns: 150 });
    }
  });

  it("and their mutations break them", () => {
    const values = fc.sample(arbitraryOf(stageFormSchema).chain((v) => mutate(v, fc.constant("some-id"))), { numRuns: 200, seed: 7 });
    const invalid = values.filter((m) => !stageFormSchema.safeParse(m.value).success);
    expect(invalid.length).toBeGreaterThan(80);
    expect(new Set(values.map((m) => m.kind.split(" ")[0]))).toEqual(new Set(["valid-ish", "replace-all", "drop", "hostile", "foreign", "extra"]));
  });
});
