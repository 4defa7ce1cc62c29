// Contract tests of /api/v1 pipelines, stages, lost reasons and currencies over
// HTTP against the production build, on each database: everyone reads them,
// only admins change them (through the same services as Settings).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";

interface Stage {
  id: string;
  name: string;
  type: string;
  position: number;
  probability: number;
  updatedAt: string;
}
interface Pipeline {
  id: string;
  name: string;
  isDefault: boolean;
  position: number;
  updatedAt: string;
  stages: Stage[];
}

describe.each(availableKinds())("pipelines, stages, lost reasons and currencies API on %s", (kind) => {
  let app: AppServer;
  let admin: string;
  let manager: string;
  let alice: string;

  async function keyFor(email: string) {
    const cookie = await signInCookie(app.url, email);
    return (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "contract" } })).body.secret as string;
  }
  const api = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(app.url, method, `/api/v1${path}`, { key, body, headers });
  const newPipeline = async (name: string) => (await api(admin, "POST", "/pipelines", { name })).body as Pipeline;

  beforeAll(async () => {
    app = await startAppServer(kind);
    [admin, manager, alice] = await Promise.all(["admin@example.com", "manager@example.com", "alice@example.com"].map(keyFor));
  });
  afterAll(() => app?.stop());

  it("lists pipelines with their stages in board order for every role, and gets one with an ETag", async () => {
    const listed = await api(alice, "GET", "/pipelines");
    expect(listed.status).toBe(200);
    const sales = (listed.body.data as Pipeline[]).find((p) => p.name === "Sales")!;
    expect(sales).toMatchObject({ isDefault: true, isArchived: false });
    expect(sales.stages.map((s) => s.name)).toEqual(["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]);
    expect(sales.stages.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
    const one = await api(alice, "GET", `/pipelines/${sales.id}`);
    expect(one.body).toEqual(sales);
    expect(one.headers.get("etag")).toBe(`"${sales.updatedAt}"`);
    expect((await api(alice, "GET", "/pipelines/nope")).status).toBe(404);
    const stages = await api(alice, "GET", `/stages?pipelineId=${sales.id}&type=OPEN`);
    expect(stages.body.data.map((s: Stage) => s.name)).toEqual(["Lead", "Qualified", "Proposal", "Negotiation"]);
    expect((await api(alice, "GET", `/stages/${sales.stages[0].id}`)).body).toEqual(sales.stages[0]);
    expect((await api(alice, "GET", "/stages?type=MAYBE&colour=red")).body.error.fields).toEqual({ type: expect.any(String), colour: "Unknown field" });
  });

  it("refuses every write to admin-owned settings for sales and managers with 403, changing nothing", async () => {
    const sales = (await api(alice, "GET", "/pipelines?q=Sales")).body.data[0] as Pipeline;
    const reason = (await api(alice, "GET", "/lost-reasons")).body.data[0];
    const writes: [string, string, unknown][] = [
      ["POST", "/pipelines", { name: "Mine" }],
      ["PATCH", `/pipelines/${sales.id}`, { name: "Renamed" }],
      ["DELETE", `/pipelines/${sales.id}`, undefined],
      ["POST", "/stages", { pipelineId: sales.id, name: "Extra", probability: 5 }],
      ["PATCH", `/stages/${sales.stages[0].id}`, { probability: 99 }],
      ["DELETE", `/stages/${sales.stages[0].id}`, undefined],
      ["POST", "/lost-reasons", { name: "Mine" }],
      ["PATCH", `/lost-reasons/${reason.id}`, { active: false }],
      ["DELETE", `/lost-reasons/${reason.id}`, undefined],
      ["POST", "/currencies", { code: "CHF", name: "Franc", symbol: "CHF", rateToBase: "1.1" }],
      ["PATCH", "/currencies/EUR", { rateToBase: "9.99" }],
      ["DELETE", "/currencies/GBP", undefined],
    ];
    for (const key of [alice, manager]) {
      for (const [method, path, body] of writes) {
        const res = await api(key, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
    }
    expect((await api(alice, "GET", `/pipelines/${sales.id}`)).body).toEqual(sales);
    expect((await api(alice, "GET", `/lost-reasons/${reason.id}`)).body).toEqual(reason);
    expect((await api(alice, "GET", "/currencies/EUR")).body.rateToBase).toBe("1.08");
    expect((await api(alice, "GET", "/currencies/CHF")).status).toBe(404);
  });

  it("creates a pipeline with starter stages and applies a PATCH whole or not at all", async () => {
    const res = await api(admin, "POST", "/pipelines", { name: "Partners" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/pipelines/${res.body.id}`);
    const partners = res.body as Pipeline;
    expect(partners).toMatchObject({ name: "Partners", isDefault: false, isArchived: false });
    expect(partners.stages.map((s) => s.type)).toEqual(["OPEN", "OPEN", "WON", "LOST"]);

    const moved = await api(admin, "PATCH", `/pipelines/${partners.id}`, { name: "Partner deals", position: 0, updatedAt: partners.updatedAt });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: "Partner deals", position: 0 });
    expect((await api(alice, "GET", "/pipelines")).body.data[0].id).toBe(partners.id);

    // Stale by body and by If-Match: 409, nothing changes.
    expect((await api(admin, "PATCH", `/pipelines/${partners.id}`, { name: "Stale", updatedAt: partners.updatedAt })).status).toBe(409);
    expect((await api(admin, "PATCH", `/pipelines/${partners.id}`, { name: "Stale" }, { "If-Match": `"${partners.updatedAt}"` })).status).toBe(409);
    expect((await api(admin, "GET", `/pipelines/${partners.id}`)).body.name).toBe("Partner deals");

    // The default pipeline cannot be archived; the rename sent with it does not happen either.
    const sales = (await api(admin, "GET", "/pipelines?q=Sales")).body.data[0] as Pipeline;
    const refused = await api(admin, "PATCH", `/pipelines/${sales.id}`, { name: "Sales (old)", isArchived: true });
    expect(refused.status).toBe(409);
    expect((await api(admin, "GET", `/pipelines/${sales.id}`)).body.name).toBe("Sales");

    const invalid = await api(admin, "PATCH", `/pipelines/${partners.id}`, { name: "", isDefault: false, position: -1, stages: [] });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["isDefault", "name", "position", "stages"]);
    expect(invalid.body.error.fields.stages).toBe("Unknown field");
    expect((await api(admin, "PATCH", "/pipelines/nope", { name: "x" })).status).toBe(404);
  });

  it("creates, moves and edits stages, keeping the open/won/lost rule", async () => {
    const p = await newPipeline("Stage lab");
    const created = await api(admin, "POST", "/stages", { pipelineId: p.id, name: "Demo", probability: 40, color: "#6366f1" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Demo", type: "OPEN", probability: 40, position: 2, forecastCategory: "PIPELINE", rottingDays: null });
    const won = await api(admin, "POST", "/stages", { pipelineId: p.id, name: "Signed", type: "WON" });
    expect(won.body).toMatchObject({ type: "WON", probability: 100, forecastCategory: "CLOSED", position: 5 });

    const bad = await api(admin, "POST", "/stages", { pipelineId: p.id, name: "", probability: 150, color: "red" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["color", "name", "probability"]);
    const noOdds = await api(admin, "POST", "/stages", { pipelineId: p.id, name: "No odds" });
    expect(noOdds.body.error.fields).toEqual({ probability: "Enter 0 to 100 for an open stage" });
    expect((await api(admin, "POST", "/stages", { pipelineId: "nope", name: "x", probability: 1 })).status).toBe(404);

    const edited = await api(admin, "PATCH", `/stages/${created.body.id}`, { probability: 55, position: 0, updatedAt: created.body.updatedAt });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "Demo", probability: 55, color: "#6366f1", position: 0 });
    expect((await api(admin, "GET", `/pipelines/${p.id}`)).body.stages.map((s: Stage) => s.name)).toEqual(["Demo", "New", "In progress", "Won", "Lost", "Signed"]);
    const stale = await api(admin, "PATCH", `/stages/${created.body.id}`, { probability: 1, updatedAt: created.body.updatedAt });
    expect(stale.status).toBe(409);
    expect((await api(admin, "GET", `/stages/${created.body.id}`)).body.probability).toBe(55);

    const lost = p.stages.find((s) => s.type === "LOST")!;
    const lastLost = await api(admin, "DELETE", `/stages/${lost.id}`);
    expect(lastLost.status).toBe(409);
    expect(lastLost.body.error.message).toMatch(/lost stage/);
    expect((await api(admin, "GET", `/stages/${lost.id}`)).status).toBe(200);
    expect((await api(admin, "DELETE", `/stages/${won.body.id}`)).body).toEqual({ id: won.body.id, deleted: true, movedOpportunities: 0 });
  });

  it("deletes a stage that holds opportunities only with a target stage (409 without), moving them", async () => {
    const p = await newPipeline("Holding");
    const [first, second] = p.stages;
    const deal = (await api(alice, "POST", "/opportunities", { title: "Held deal", stageId: first.id, amount: "100.00" })).body;
    const refused = await api(admin, "DELETE", `/stages/${first.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields).toHaveProperty("targetStageId");
    expect((await api(admin, "DELETE", `/stages/${first.id}?targetStageId=${first.id}`)).status).toBe(422);
    const deleted = await api(admin, "DELETE", `/stages/${first.id}?targetStageId=${second.id}`);
    expect(deleted.body).toEqual({ id: first.id, deleted: true, movedOpportunities: 1 });
    expect((await api(alice, "GET", `/opportunities/${deal.id}`)).body).toMatchObject({ stageId: second.id, probability: second.probability });
    expect((await api(alice, "GET", `/opportunities/${deal.id}/history`)).body.data.at(-1)).toMatchObject({ fromStageId: null, toStageId: second.id });
  });

  it("deletes a pipeline that holds opportunities only with a target pipeline and stage map; never the default one", async () => {
    const from = await newPipeline("Old funnel");
    const to = await newPipeline("New funnel");
    const deal = (await api(alice, "POST", "/opportunities", { title: "Migrating deal", stageId: from.stages[1].id })).body;
    expect((await api(admin, "DELETE", `/pipelines/${from.id}`)).status).toBe(409);
    const unmapped = await api(admin, "DELETE", `/pipelines/${from.id}?targetPipelineId=${to.id}`);
    expect(unmapped.status).toBe(422);
    expect(unmapped.body.error.fields).toHaveProperty(`stageMap.${from.stages[1].id}`);
    expect((await api(admin, "DELETE", `/pipelines/${from.id}?targetPipelineId=${to.id}&stageMap=garbage`)).body.error.fields).toHaveProperty("stageMap");
    const deleted = await api(admin, "DELETE", `/pipelines/${from.id}?targetPipelineId=${to.id}&stageMap=${from.stages[1].id}:${to.stages[0].id}`);
    expect(deleted.body).toEqual({ id: from.id, deleted: true, movedOpportunities: 1 });
    expect((await api(alice, "GET", `/opportunities/${deal.id}`)).body).toMatchObject({ pipelineId: to.id, stageId: to.stages[0].id });
    expect((await api(alice, "GET", `/pipelines/${from.id}`)).status).toBe(404);
    const sales = (await api(admin, "GET", "/pipelines?q=Sales")).body.data[0] as Pipeline;
    expect((await api(admin, "DELETE", `/pipelines/${sales.id}?targetPipelineId=${to.id}`)).status).toBe(409);
  });

  it("manages lost reasons: unique names, deactivation, and deletion only when no opportunity uses one", async () => {
    const listed = await api(alice, "GET", "/lost-reasons?limit=100");
    expect(listed.body.data.map((r: { name: string }) => r.name)).toContain("Price too high");
    const headers = { "Idempotency-Key": `reason-${kind}-${Date.now()}` };
    const created = await api(admin, "POST", "/lost-reasons", { name: "Went dark" }, headers);
    const again = await api(admin, "POST", "/lost-reasons", { name: "Went dark" }, headers);
    expect(created.status).toBe(201);
    expect(again.body.id).toBe(created.body.id);
    expect((await api(admin, "POST", "/lost-reasons", { name: "went DARK" })).status).toBe(409);
    expect((await api(admin, "POST", "/lost-reasons", { name: " " })).body.error.fields).toEqual({ name: "Enter a name" });

    const patched = await api(admin, "PATCH", `/lost-reasons/${created.body.id}`, { name: "Ghosted", active: false, position: 0 });
    expect(patched.body).toMatchObject({ name: "Ghosted", active: false, position: 0 });
    expect((await api(alice, "GET", "/lost-reasons?active=false")).body.data.map((r: { id: string }) => r.id)).toEqual([created.body.id]);

    // A reason some lost deal has stays (409); an unused one goes.
    const lostDeals = await api(admin, "GET", "/opportunities?status=LOST&limit=100");
    const used = lostDeals.body.data.find((o: { lostReasonId: string | null }) => o.lostReasonId)!.lostReasonId;
    const inUse = await api(admin, "DELETE", `/lost-reasons/${used}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/deactivate/);
    expect((await api(admin, "GET", `/lost-reasons/${used}`)).status).toBe(200);
    expect((await api(admin, "DELETE", `/lost-reasons/${created.body.id}`)).body).toEqual({ id: created.body.id, deleted: true });
    expect((await api(admin, "GET", `/lost-reasons/${created.body.id}`)).status).toBe(404);
    const positions = (await api(alice, "GET", "/lost-reasons?limit=100")).body.data.map((r: { position: number }) => r.position);
    expect(positions).toEqual(positions.map((_: number, i: number) => i));
  });

  it("manages currencies: re-rates open deals on a new rate, guards the base currency, deletes only unused ones", async () => {
    const listed = await api(alice, "GET", "/currencies");
    expect(listed.body.data[0]).toMatchObject({ code: "USD", isBase: true, rateToBase: "1" });
    expect((await api(alice, "GET", "/currencies/eur")).body).toMatchObject({ code: "EUR", rateToBase: "1.08" });

    const chf = await api(admin, "POST", "/currencies", { code: "chf", name: "Swiss franc", symbol: "CHF", rateToBase: "1.05" });
    expect(chf.status).toBe(201);
    expect(chf.headers.get("location")).toBe("/api/v1/currencies/CHF");
    expect(chf.body).toMatchObject({ code: "CHF", rateToBase: "1.05", isBase: false, active: true });
    expect(chf.body.rateDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await api(admin, "POST", "/currencies", { code: "CHF", name: "Again", symbol: "F", rateToBase: "1" })).status).toBe(409);
    const bad = await api(admin, "POST", "/currencies", { code: "SWISS", name: "", symbol: "F", rateToBase: "-1" });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["code", "name", "rateToBase"]);

    const stages = (await api(alice, "GET", "/stages?type=OPEN")).body.data as Stage[];
    const deal = (await api(alice, "POST", "/opportunities", { title: "Franc deal", stageId: stages[0].id, amount: "1000.00", currency: "CHF" })).body;
    expect(deal.baseAmount).toBe("1050.00");
    const rerated = await api(admin, "PATCH", "/currencies/CHF", { rateToBase: "1.1", updatedAt: chf.body.updatedAt });
    expect(rerated.status).toBe(200);
    expect(rerated.body).toMatchObject({ rateToBase: "1.1", name: "Swiss franc" });
    expect((await api(alice, "GET", `/opportunities/${deal.id}`)).body).toMatchObject({ exchangeRate: "1.1", baseAmount: "1100.00" });
    expect((await api(admin, "PATCH", "/currencies/CHF", { symbol: "Fr.", updatedAt: chf.body.updatedAt })).status).toBe(409);
    expect((await api(admin, "GET", "/currencies/CHF")).body.symbol).toBe("CHF");

    expect((await api(admin, "PATCH", "/currencies/USD", { rateToBase: "2" })).body.error.fields).toHaveProperty("rateToBase");
    expect((await api(admin, "PATCH", "/currencies/USD", { active: false })).status).toBe(409);
    expect((await api(admin, "DELETE", "/currencies/USD")).status).toBe(409);
    expect((await api(admin, "DELETE", "/currencies/CHF")).status).toBe(409); // the franc deal uses it
    await api(alice, "DELETE", `/opportunities/${deal.id}`);
    expect((await api(admin, "DELETE", "/currencies/CHF")).body).toEqual({ code: "CHF", deleted: true });
    expect((await api(alice, "GET", "/currencies/CHF")).status).toBe(404);
    expect((await api(alice, "GET", "/currencies/C1")).status).toBe(422);
  });
});
