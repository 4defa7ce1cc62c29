// GET /api/v1/forecast: the route handler against a real database; only the
// session lookup is replaced, to act as a chosen user or as nobody.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase } from "@/lib/db";
import type { Actor } from "@/lib/server/auth/actor";
import { getForecast } from "@/lib/server/forecast";
import { buildForecastFixture, type Fixture } from "../support/forecast-fixture";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/session", () => ({ currentActor: async () => session.actor }));

const { GET } = await import("@/app/api/v1/forecast/route");

const call = async (qs: string) => {
  const res = await GET(new Request(`http://localhost/api/v1/forecast${qs}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
};

describe.each(availableKinds())("GET /api/v1/forecast on %s", (kind) => {
  let t: TestDatabase;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    fx = await buildForecastFixture(t.db, 40);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  it("answers 401 in the error shape without a session", async () => {
    session.actor = null;
    const { status, body } = await call("?groupBy=owner");
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String), requestId: expect.any(String) } });
  });

  it("answers 422 naming each bad parameter", async () => {
    const u = fx.users.alice;
    session.actor = { id: u.id, email: "alice@fx.example", name: u.name, role: u.role };
    const { status, body } = await call("?groupBy=team&period=custom&from=2026-13-01");
    expect(status).toBe(422);
    expect(body.error.code).toBe("VALIDATION");
    expect(Object.keys(body.error.fields).sort()).toEqual(["from", "groupBy", "to"]);
  });

  it.each(["month", "stage", "owner"] as const)("returns the page's figures grouped by %s", async (groupBy) => {
    const u = fx.users.alice;
    session.actor = { id: u.id, email: "alice@fx.example", name: u.name, role: u.role };
    const { status, body } = await call(`?groupBy=${groupBy}&period=year&pipelineId=${fx.pipelines.sales}`);
    expect(status).toBe(200);
    const page = await getForecast(session.actor, { period: "year", pipelineId: fx.pipelines.sales });
    expect(body.groupBy).toBe(groupBy);
    expect(body.headline).toEqual(page.headline);
    expect(body.categories).toEqual(page.categories);
    expect(body.data).toEqual({ month: page.months, stage: page.stages, owner: page.owners }[groupBy]);
    expect(body.currency).toBe("USD");
    expect(typeof body.headline.openAmount).toBe("string");
  });
});
