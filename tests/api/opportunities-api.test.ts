// Contract tests of /api/v1/opportunities over HTTP against the production
// build, on each database: the same services as the UI behind the API's rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("opportunities API on %s", (kind) => {
  let app: AppServer;
  let alice: string;
  let bob: string;
  let stages: Record<string, string>;
  let lostReasonId: string;

  async function keyFor(email: string) {
    const cookie = await signInCookie(app.url, email);
    const res = await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "contract" } });
    return res.body.secret as string;
  }

  beforeAll(async () => {
    app = await startAppServer(kind);
    alice = await keyFor("alice@example.com");
    bob = await keyFor("bob@example.com");
    const cookie = await signInCookie(app.url, "alice@example.com");
    // Stage and lost-reason ids, read through a page-independent path: create one deal and read its pipeline's stages from the board data.
    const board = await call(app.url, "GET", "/api/board", { cookie });
    stages = Object.fromEntries((board.body.stages as { name: string; id: string }[]).map((s) => [s.name, s.id]));
    lostReasonId = (board.body.lostReasons as { id: string }[])[0].id;
  });
  afterAll(() => app?.stop());

  const create = (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call(app.url, "POST", "/api/v1/opportunities", { key, body, headers });

  it("creates with defaults, answers 201 with Location and ETag, and reads it back", async () => {
    const res = await create(alice, { title: "API deal", stageId: stages.Qualified, amount: "1250.50", currency: "EUR", expectedCloseDate: "2027-02-28" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/opportunities/${res.body.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toMatchObject({
      title: "API deal",
      status: "OPEN",
      probability: 25,
      probabilityOverridden: false,
      amount: "1250.50",
      currency: "EUR",
      weightedAmount: "312.63",
      expectedCloseDate: "2027-02-28",
      version: 1,
      isPrivate: false,
    });
    expect(res.body.baseAmount).toMatch(/^\d+\.\d{2}$/);
    const read = await call(app.url, "GET", `/api/v1/opportunities/${res.body.id}`, { key: alice });
    expect(read.body).toEqual(res.body);
  });

  it("answers 422 naming every bad field and refuses fields a client may not set", async () => {
    const res = await create(alice, { title: "", stageId: stages.Lead, probability: 150, amount: "12.345", expectedCloseDate: "2027-02-30" });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["amount", "expectedCloseDate", "probability", "title"]);
    const forged = await create(alice, { title: "x", stageId: stages.Lead, id: "mine", version: 7, weightedAmount: "1.00", createdAt: "2020-01-01T00:00:00Z" });
    expect(forged.status).toBe(422);
    expect(forged.body.error.fields).toMatchObject({ id: "Unknown field", weightedAmount: "Unknown field", createdAt: "Unknown field" });
    const missing = await create(alice, { title: "no stage" });
    expect(missing.body.error.fields).toHaveProperty("stageId");
  });

  it("keeps amount = oneTimeAmount + recurringAmount x contractMonths, from either, and names amount when it cannot", async () => {
    const res = await create(alice, { title: "Subscription", stageId: stages.Lead, oneTimeAmount: "500.00", recurringAmount: "100.00", contractMonths: 12 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: "1700.00", oneTimeAmount: "500.00", recurringAmount: "100.00", contractMonths: 12, baseAmount: "1700.00" });
    const path = `/api/v1/opportunities/${res.body.id}`;
    const byAmount = await call(app.url, "PATCH", path, { key: alice, body: { amount: "2000.00" } });
    expect(byAmount.body).toMatchObject({ amount: "2000.00", oneTimeAmount: "800.00", version: 2 });
    const below = await call(app.url, "PATCH", path, { key: alice, body: { amount: "100.00" } });
    expect(below.status).toBe(422);
    expect(below.body.error.fields).toEqual({ amount: expect.stringContaining("1200.00") });
    const disagree = await call(app.url, "PATCH", path, { key: alice, body: { amount: "100.00", oneTimeAmount: "1.00" } });
    expect(disagree.status).toBe(422);
    expect(disagree.body.error.fields).toEqual({ amount: expect.stringContaining("1201.00") });
    const negative = await call(app.url, "PATCH", path, { key: alice, body: { oneTimeAmount: "-1" } });
    expect(negative.status).toBe(422);
    expect(Object.keys(negative.body.error.fields)).toEqual(["oneTimeAmount"]);
    // Recurring x months past DECIMAL(18,2): a 422 on amount, never a 500.
    const huge = await call(app.url, "PATCH", path, { key: alice, body: { recurringAmount: "9999999999999999.99", contractMonths: 600 } });
    expect(huge.status).toBe(422);
    expect(Object.keys(huge.body.error.fields)).toEqual(["amount"]);
    expect((await call(app.url, "GET", path, { key: alice })).body).toMatchObject({ amount: "2000.00", oneTimeAmount: "800.00", version: 2 });
  });

  it("validates custom fields against the admin's definitions and returns them", async () => {
    const ok = await create(alice, { title: "Custom", stageId: stages.Lead, customFields: { decisionProcess: "Committee", nextStep: "Demo on Friday" } });
    expect(ok.status).toBe(201);
    expect(ok.body.customFields).toEqual({ decisionProcess: "Committee", nextStep: "Demo on Friday" });
    const bad = await create(alice, { title: "Custom", stageId: stages.Lead, customFields: { decisionProcess: "Coin toss", shoeSize: 44 } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["customFields.decisionProcess", "customFields.shoeSize"]);
  });

  it("patches only what is sent, bumps the version, and refuses a stale version with 409 changing nothing", async () => {
    const made = (await create(alice, { title: "Patch me", stageId: stages.Lead, amount: "100.00" })).body;
    const patched = await call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, body: { amount: "200.00", version: 1 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ amount: "200.00", title: "Patch me", version: 2 });
    const stale = await call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, body: { amount: "999.00", version: 1 } });
    expect(stale.status).toBe(409);
    const staleHeader = await call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, headers: { "If-Match": '"1"' }, body: { title: "Nope" } });
    expect(staleHeader.status).toBe(409);
    const after = await call(app.url, "GET", `/api/v1/opportunities/${made.id}`, { key: alice });
    expect(after.body).toMatchObject({ amount: "200.00", title: "Patch me", version: 2 });
  });

  it("lets exactly one of several concurrent PATCHes with the same version win", async () => {
    const made = (await create(alice, { title: "Race", stageId: stages.Lead })).body;
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, body: { title: `Race ${n}`, version: 1 } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const after = await call(app.url, "GET", `/api/v1/opportunities/${made.id}`, { key: alice });
    expect(after.body.version).toBe(2);
    expect(after.body.title).toBe(results.find((r) => r.status === 200)!.body.title);
  });

  it("keeps a private opportunity away from another salesperson on every endpoint (404)", async () => {
    const secret = (await create(alice, { title: "Alice's secret deal", stageId: stages.Proposal, isPrivate: true, amount: "50000.00" })).body;
    for (const [method, path, body] of [
      ["GET", `/api/v1/opportunities/${secret.id}`, undefined],
      ["PATCH", `/api/v1/opportunities/${secret.id}`, { title: "mine now" }],
      ["DELETE", `/api/v1/opportunities/${secret.id}`, undefined],
      ["POST", `/api/v1/opportunities/${secret.id}/move`, { stageId: stages.Won }],
    ] as const) {
      const res = await call(app.url, method, path, { key: bob, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const listed = await call(app.url, "GET", "/api/v1/opportunities?q=secret&limit=100", { key: bob });
    expect(listed.body.data.map((o: { id: string }) => o.id)).not.toContain(secret.id);
    const mine = await call(app.url, "GET", "/api/v1/opportunities?q=secret&limit=100", { key: alice });
    expect(mine.body.data.map((o: { id: string }) => o.id)).toContain(secret.id);
    expect((await call(app.url, "GET", `/api/v1/opportunities/${secret.id}`, { key: alice })).body.title).toBe("Alice's secret deal");
  });

  it("moves on the board rules: Won closes at 100%, Lost needs a reason", async () => {
    const made = (await create(alice, { title: "Mover", stageId: stages.Lead, amount: "10.00" })).body;
    const lost = await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, body: { stageId: stages.Lost } });
    expect(lost.status).toBe(422);
    expect(lost.body.error.fields).toHaveProperty("lostReasonId");
    const won = await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, body: { stageId: stages.Won } });
    expect(won.status).toBe(200);
    const after = await call(app.url, "GET", `/api/v1/opportunities/${made.id}`, { key: alice });
    expect(after.body).toMatchObject({ status: "WON", probability: 100, stageId: stages.Won });
    expect(after.body.actualCloseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reopened = await call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, body: { stageId: stages.Lost, lostReasonId } });
    expect(reopened.body).toMatchObject({ status: "LOST", probability: 0, lostReasonId });
  });

  it("lists with filters and sorting, and offset and cursor pages cover the set exactly once", async () => {
    const all = await call(app.url, "GET", `/api/v1/opportunities?stageId=${stages.Negotiation}&sort=title&limit=100`, { key: alice });
    expect(all.status).toBe(200);
    const titles = all.body.data.map((o: { title: string }) => o.title);
    expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(all.body.data.every((o: { stageId: string }) => o.stageId === stages.Negotiation)).toBe(true);
    const ids = all.body.data.map((o: { id: string }) => o.id);
    const byCursor: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await call(
        app.url,
        "GET",
        `/api/v1/opportunities?stageId=${stages.Negotiation}&sort=title&limit=7${cursor ? `&cursor=${cursor}` : ""}`,
        { key: alice },
      );
      byCursor.push(...page.body.data.map((o) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(byCursor).toEqual(ids);
    const second = await call(app.url, "GET", `/api/v1/opportunities?stageId=${stages.Negotiation}&sort=title&limit=7&offset=7`, { key: alice });
    expect(second.body.data.map((o: { id: string }) => o.id)).toEqual(ids.slice(7, 14));
    const bad = await call(app.url, "GET", "/api/v1/opportunities?sort=passwordHash&status=MAYBE&expectedCloseFrom=tomorrow", { key: alice });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["expectedCloseFrom", "sort", "status"]);
  });

  it("creates once for a repeated Idempotency-Key, and deletes with { id, deleted: true }", async () => {
    const headers = { "Idempotency-Key": `opp-${kind}-${Date.now()}` };
    const first = await create(alice, { title: "Only once", stageId: stages.Lead }, headers);
    const again = await create(alice, { title: "Only once", stageId: stages.Lead }, headers);
    expect(again.body.id).toBe(first.body.id);
    const listed = await call(app.url, "GET", "/api/v1/opportunities?q=Only%20once", { key: alice });
    expect(listed.body.total).toBe(1);
    const gone = await call(app.url, "DELETE", `/api/v1/opportunities/${first.body.id}`, { key: alice });
    expect(gone.body).toEqual({ id: first.body.id, deleted: true });
    expect((await call(app.url, "GET", `/api/v1/opportunities/${first.body.id}`, { key: alice })).status).toBe(404);
  });

  it("treats If-Match: * as any version: PATCH and DELETE apply", async () => {
    const made = (await create(alice, { title: "Any version", stageId: stages.Lead })).body;
    await call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, body: { title: "Moved on" } });
    const patched = await call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, headers: { "If-Match": "*" }, body: { amount: "42.00" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ amount: "42.00", version: 3 });
    expect(patched.headers.get("etag")).toBe('"3"');
    const stale = await call(app.url, "PATCH", `/api/v1/opportunities/${made.id}`, { key: alice, headers: { "If-Match": '"1"' }, body: { amount: "1.00" } });
    expect(stale.status).toBe(409);
    const gone = await call(app.url, "DELETE", `/api/v1/opportunities/${made.id}`, { key: alice, headers: { "If-Match": "*" } });
    expect(gone.body).toEqual({ id: made.id, deleted: true });
  });

  it("honours Idempotency-Key on a move: a retry answers the first move and moves nothing again", async () => {
    const made = (await create(alice, { title: "Moved once", stageId: stages.Lead })).body;
    const headers = { "Idempotency-Key": `move-${kind}-${Date.now()}` };
    const first = await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, headers, body: { stageId: stages.Qualified } });
    expect(first.status).toBe(200);
    // Someone moves it on; the client's retry of its own move must not drag it back.
    await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, body: { stageId: stages.Proposal } });
    const retry = await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, headers, body: { stageId: stages.Qualified } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const now = (await call(app.url, "GET", `/api/v1/opportunities/${made.id}`, { key: alice })).body;
    expect(now).toMatchObject({ stageId: stages.Proposal, version: 3 });
    const history = await call(app.url, "GET", `/api/v1/opportunities/${made.id}/history`, { key: alice });
    expect(history.body.data).toHaveLength(3);
    const other = await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, headers, body: { stageId: stages.Negotiation } });
    expect(other.status).toBe(422);
    expect(other.body.error.fields).toHaveProperty("Idempotency-Key");
  });

  it("keeps a salesperson who creates a private deal for someone else able to read it (as a member)", async () => {
    const users = (await call(app.url, "GET", "/api/v1/users?q=alice", { key: bob })).body.data as { id: string; email: string }[];
    const aliceId = users.find((u) => u.email === "alice@example.com")!.id;
    const made = await create(bob, { title: "Bob's private deal for Alice", stageId: stages.Lead, isPrivate: true, ownerId: aliceId });
    expect(made.status).toBe(201);
    const bobId = made.body.createdById;
    expect(made.body).toMatchObject({ ownerId: aliceId, isPrivate: true, memberIds: [bobId] });
    const read = await call(app.url, "GET", made.headers.get("location")!, { key: bob });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(made.body);
    expect((await call(app.url, "GET", made.headers.get("location")!, { key: alice })).status).toBe(200);
    // For himself, or in the open, nothing changes: no member is added.
    expect((await create(bob, { title: "Bob's own", stageId: stages.Lead, isPrivate: true })).body.memberIds).toEqual([]);
    expect((await create(bob, { title: "Bob's open deal for Alice", stageId: stages.Lead, ownerId: aliceId })).body.memberIds).toEqual([]);
  });

  it("upserts by external id: 201 the first time, 200 after, one record, and never into another user's private deal", async () => {
    const externalId = `erp-${kind}-${Date.now()}`;
    const path = `/api/v1/opportunities/by-external-id/${externalId}`;
    const first = await call(app.url, "PUT", path, { key: alice, body: { title: "ERP order", stageId: stages.Lead, amount: "100.00" } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ externalId, amount: "100.00", version: 1 });
    const second = await call(app.url, "PUT", path, { key: alice, body: { title: "ERP order", stageId: stages.Lead, amount: "150.00" } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, amount: "150.00", version: 2 });
    const history = await call(app.url, "GET", `/api/v1/opportunities/${first.body.id}/history`, { key: alice });
    expect(history.body.data).toHaveLength(1); // the same stage twice is no stage change

    const hidden = `secret-${kind}-${Date.now()}`;
    await call(app.url, "PUT", `/api/v1/opportunities/by-external-id/${hidden}`, { key: alice, body: { title: "Hidden", stageId: stages.Lead, isPrivate: true } });
    const taken = await call(app.url, "PUT", `/api/v1/opportunities/by-external-id/${hidden}`, { key: bob, body: { title: "Bob's", stageId: stages.Lead } });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).not.toContain("Hidden");
  });

  it("lists an opportunity's stage history, oldest first, and hides it from those who may not see the deal", async () => {
    const made = (await create(alice, { title: "Historic", stageId: stages.Lead, isPrivate: true })).body;
    await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, body: { stageId: stages.Qualified } });
    await call(app.url, "POST", `/api/v1/opportunities/${made.id}/move`, { key: alice, body: { stageId: stages.Won } });
    const history = await call(app.url, "GET", `/api/v1/opportunities/${made.id}/history`, { key: alice });
    expect(history.body.data.map((c: { toStageId: string }) => c.toStageId)).toEqual([stages.Lead, stages.Qualified, stages.Won]);
    expect(history.body.data[2]).toMatchObject({ fromStageId: stages.Qualified, fromStatus: "OPEN", toStatus: "WON" });
    expect((await call(app.url, "GET", `/api/v1/opportunities/${made.id}/history`, { key: bob })).status).toBe(404);
  });
});
