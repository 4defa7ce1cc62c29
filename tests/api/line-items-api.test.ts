// Contract tests of /api/v1/products and /api/v1/opportunities/{id}/line-items
// over HTTP against the production build, on each database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("products and line items API on %s", (kind) => {
  let app: AppServer;
  let alice: string;
  let bob: string;
  let admin: string;
  let stageId: string;
  const products: Record<string, { id: string; unitPrice: string; currency: string }> = {};

  async function keyFor(email: string) {
    const cookie = await signInCookie(app.url, email);
    const res = await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "contract" } });
    return res.body.secret as string;
  }

  beforeAll(async () => {
    app = await startAppServer(kind);
    [alice, bob, admin] = await Promise.all(["alice", "bob", "admin"].map((n) => keyFor(`${n}@example.com`)));
    const board = await call(app.url, "GET", "/api/board", { cookie: await signInCookie(app.url, "alice@example.com") });
    stageId = (board.body.stages as { name: string; id: string }[]).find((s) => s.name === "Proposal")!.id;
    const listed = await call(app.url, "GET", "/api/v1/products?limit=100", { key: alice });
    for (const p of listed.body.data) products[p.code] = p;
  });
  afterAll(() => app?.stop());

  const deal = async (key: string, body: Record<string, unknown> = {}) =>
    (await call(app.url, "POST", "/api/v1/opportunities", { key, body: { title: `API lines ${Math.random()}`, stageId, ...body } })).body;
  const lines = (id: string) => `/api/v1/opportunities/${id}/line-items`;

  it("lists products for everyone with q, group, active and paging", async () => {
    const page = await call(app.url, "GET", "/api/v1/products?group=Licences&limit=2", { key: bob });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, hasMore: true, nextCursor: expect.any(String) });
    expect(page.body.data[0]).toMatchObject({ group: "Licences", billing: "MONTHLY", version: 1, currency: "USD" });
    const next = await call(app.url, "GET", `/api/v1/products?group=Licences&limit=2&cursor=${page.body.nextCursor}`, { key: bob });
    expect(next.body).toMatchObject({ total: 3, hasMore: false });
    expect((await call(app.url, "GET", "/api/v1/products?q=gateway", { key: bob })).body.data.map((p: { code: string }) => p.code)).toEqual(["HW-GATE"]);
    const one = await call(app.url, "GET", `/api/v1/products/${products["TRN-DAY"].id}`, { key: bob });
    expect(one.headers.get("etag")).toBe('"1"');
    expect((await call(app.url, "GET", "/api/v1/products?active=maybe", { key: bob })).body.error.fields).toHaveProperty("active");
  });

  it("lets only admins change the catalog, with versions, and refuses deleting a product on deals (409)", async () => {
    const body = { code: "API-NEW", name: "API product", unitPrice: "10.00", currency: "USD" };
    expect((await call(app.url, "POST", "/api/v1/products", { key: alice, body })).status).toBe(403);
    const made = await call(app.url, "POST", "/api/v1/products", { key: admin, body });
    expect(made.status).toBe(201);
    expect(made.headers.get("location")).toBe(`/api/v1/products/${made.body.id}`);
    expect((await call(app.url, "POST", "/api/v1/products", { key: admin, body })).status).toBe(409);
    const bad = await call(app.url, "POST", "/api/v1/products", { key: admin, body: { ...body, code: "X", price: 3, unitPrice: "1.234" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual({ price: "Unknown field", unitPrice: expect.any(String) });
    expect((await call(app.url, "PATCH", `/api/v1/products/${made.body.id}`, { key: alice, body: { name: "mine" } })).status).toBe(403);
    const patched = await call(app.url, "PATCH", `/api/v1/products/${made.body.id}`, { key: admin, headers: { "If-Match": '"1"' }, body: { unitPrice: "11.00" } });
    expect(patched.body).toMatchObject({ unitPrice: "11.00", version: 2 });
    expect((await call(app.url, "PATCH", `/api/v1/products/${made.body.id}`, { key: admin, body: { unitPrice: "99.00", version: 1 } })).status).toBe(409);
    expect((await call(app.url, "DELETE", `/api/v1/products/${made.body.id}`, { key: alice })).status).toBe(403);

    const d = await deal(alice);
    await call(app.url, "POST", lines(d.id), { key: alice, body: { productId: made.body.id, quantity: "1" } });
    const refused = await call(app.url, "DELETE", `/api/v1/products/${made.body.id}`, { key: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("archive it instead");
    const archived = await call(app.url, "PATCH", `/api/v1/products/${made.body.id}`, { key: admin, body: { active: false } });
    expect(archived.body).toMatchObject({ active: false, lineItemCount: 1 });
    const onNewLine = await call(app.url, "POST", lines(d.id), { key: alice, body: { productId: made.body.id, quantity: "1" } });
    expect(onNewLine.status).toBe(422);
    expect(onNewLine.body.error.fields.productId).toContain("archived");
    const unused = await call(app.url, "POST", "/api/v1/products", { key: admin, body: { ...body, code: "API-GONE" } });
    expect((await call(app.url, "DELETE", `/api/v1/products/${unused.body.id}`, { key: admin })).body).toEqual({ id: unused.body.id, deleted: true });
  });

  it("adds, changes, reorders, replaces and deletes lines; every answer carries the recomputed amounts and the next version", async () => {
    const d = await deal(alice, { amount: "700.00", contractMonths: 12 });
    const first = await call(app.url, "POST", lines(d.id), { key: alice, body: { productId: products["PLAT-PRO"].id, quantity: 10, version: 1 } });
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBe(`${lines(d.id)}/${first.body.id}`);
    expect(first.headers.get("etag")).toBe('"2"');
    expect(first.body).toMatchObject({ code: "PLAT-PRO", quantity: "10", unitPrice: "89.00", billing: "MONTHLY", total: "890.00", opportunity: { amount: "10680.00", recurringAmount: "890.00", amountMode: "derived", version: 2 } });
    const second = await call(app.url, "POST", lines(d.id), { key: alice, headers: { "If-Match": '"2"' }, body: { name: "Kick-off workshop", quantity: "1", unitPrice: "1500.00" } });
    expect(second.body.opportunity).toMatchObject({ amount: "12180.00", version: 3 });

    const patched = await call(app.url, "PATCH", `${lines(d.id)}/${first.body.id}`, { key: alice, body: { discountPercent: "10", version: 3 } });
    expect(patched.body).toMatchObject({ total: "801.00", opportunity: { amount: "11112.00", version: 4 } });
    const stale = await call(app.url, "PATCH", `${lines(d.id)}/${first.body.id}`, { key: alice, headers: { "If-Match": '"3"' }, body: { quantity: "99" } });
    expect(stale.status).toBe(409);

    const reordered = await call(app.url, "POST", `${lines(d.id)}/reorder`, { key: alice, body: { ids: [second.body.id, first.body.id], version: 4 } });
    expect(reordered.body.data.map((l: { id: string; position: number }) => [l.id, l.position])).toEqual([[second.body.id, 0], [first.body.id, 1]]);
    const listed = await call(app.url, "GET", lines(d.id), { key: bob });
    expect(listed.headers.get("etag")).toBe('"5"');
    expect(listed.body.data.map((l: { name: string }) => l.name)).toEqual(["Kick-off workshop", expect.stringContaining("Professional")]);
    expect(listed.body.opportunity).toMatchObject({ amount: "11112.00", version: 5 });
    const opportunity = await call(app.url, "GET", `/api/v1/opportunities/${d.id}`, { key: alice });
    expect(opportunity.body).toMatchObject({ amount: "11112.00", recurringAmount: "801.00", version: 5 });

    const replaced = await call(app.url, "PUT", lines(d.id), { key: alice, body: { version: 5, contractMonths: 24, lines: [{ id: first.body.id, name: "Seats", quantity: "10", unitPrice: "89.00", billing: "MONTHLY" }] } });
    expect(replaced.body.opportunity).toMatchObject({ amount: "21360.00", contractMonths: 24, version: 6 });
    expect(replaced.body.data.map((l: { id: string }) => l.id)).toEqual([first.body.id]);

    const gone = await call(app.url, "DELETE", `${lines(d.id)}/${first.body.id}`, { key: alice, headers: { "If-Match": '"6"' } });
    expect(gone.body).toMatchObject({ id: first.body.id, deleted: true, opportunity: { amount: "21360.00", amountMode: "manual", version: 7 } });
    expect((await call(app.url, "DELETE", `${lines(d.id)}/${first.body.id}`, { key: alice })).status).toBe(404);
  });

  it("answers 422 naming unknown and bad fields, and 409 for a stale version changing nothing", async () => {
    const d = await deal(alice);
    const res = await call(app.url, "POST", lines(d.id), { key: alice, body: { name: "x", quantity: "0", unitPrice: "1", total: "5.00", colour: "red" } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ total: "Unknown field", colour: "Unknown field", quantity: expect.any(String) });
    const garbage = await call(app.url, "POST", lines(d.id), { key: alice, body: { name: "x", quantity: "abc", unitPrice: "1e3", discountPercent: "abc" } });
    expect(garbage.status).toBe(422);
    expect(Object.keys(garbage.body.error.fields).sort()).toEqual(["discountPercent", "quantity", "unitPrice"]);
    const free = await call(app.url, "POST", lines(d.id), { key: alice, body: { quantity: "1" } });
    expect(Object.keys(free.body.error.fields).sort()).toEqual(["name", "unitPrice"]);
    const put = await call(app.url, "PUT", lines(d.id), { key: alice, body: { lines: [{ name: "a", quantity: "1", unitPrice: "1", billing: "WEEKLY", extra: true }] } });
    expect(put.body.error.fields).toMatchObject({ "lines.0.billing": expect.any(String) });
    // The unknown nested field is named with its full path.
    expect(put.body.error.fields).toMatchObject({ "lines.0.extra": "Unknown field" });
    const stale = await call(app.url, "PUT", lines(d.id), { key: alice, headers: { "If-Match": '"9"' }, body: { lines: [{ name: "a", quantity: "1", unitPrice: "1", billing: "ONE_TIME" }] } });
    expect(stale.status).toBe(409);
    expect((await call(app.url, "GET", lines(d.id), { key: alice })).body).toMatchObject({ data: [], opportunity: { version: 1, amountMode: "manual" } });
  });

  it("answers 422 on amount, never a 500, whenever line changes would push the deal past DECIMAL(18,2), and changes nothing", async () => {
    const half = { name: "Half of everything", quantity: "1", unitPrice: "6000000000000000.00" };
    const tooLarge = async (res: Promise<{ status: number; body: { error?: { fields?: Record<string, string> } } }>, id: string, version: number) => {
      const answer = await res;
      expect(answer.status).toBe(422);
      expect(answer.body.error?.fields).toEqual({ amount: expect.stringMatching(/too large/i) });
      expect((await call(app.url, "GET", lines(id), { key: alice })).body.opportunity.version).toBe(version);
    };
    // Adding: each line fits the columns, the second makes the deal's total overflow.
    const d = await deal(alice);
    const first = await call(app.url, "POST", lines(d.id), { key: alice, body: half });
    expect(first.status).toBe(201);
    await tooLarge(call(app.url, "POST", lines(d.id), { key: alice, body: half }), d.id, 2);
    // Editing a line up, or another line into the same total.
    const small = await call(app.url, "POST", lines(d.id), { key: alice, body: { name: "Small", quantity: "1", unitPrice: "1.00" } });
    await tooLarge(call(app.url, "PATCH", `${lines(d.id)}/${small.body.id}`, { key: alice, body: { unitPrice: "6000000000000000.00" } }), d.id, 3);
    await tooLarge(call(app.url, "PATCH", `${lines(d.id)}/${small.body.id}`, { key: alice, body: { quantity: "999999999999", unitPrice: "5000.00" } }), d.id, 3);
    // A monthly line over 600 months, by the editor's save and by the opportunity's contract months.
    const monthly = await deal(alice, { contractMonths: 1 });
    const seats = await call(app.url, "POST", lines(monthly.id), { key: alice, body: { name: "Seats", quantity: "1", unitPrice: "100000000000000.00", billing: "MONTHLY" } });
    expect(seats.body.opportunity).toMatchObject({ amount: "100000000000000.00", version: 2 });
    await tooLarge(call(app.url, "PATCH", `/api/v1/opportunities/${monthly.id}`, { key: alice, body: { contractMonths: 600 } }), monthly.id, 2);
    await tooLarge(call(app.url, "PUT", lines(monthly.id), { key: alice, body: { contractMonths: 600, lines: [{ id: seats.body.id, name: "Seats", quantity: "1", unitPrice: "100000000000000.00", billing: "MONTHLY" }] } }), monthly.id, 2);
    await tooLarge(call(app.url, "POST", lines(monthly.id), { key: alice, body: { name: "More seats", quantity: "99", unitPrice: "100000000000000.00", billing: "MONTHLY" } }), monthly.id, 2);
    // A deal worth more than the base currency: its amount fits, its base amount would not.
    const gbp = await deal(alice, { currency: "GBP" });
    expect(Number(gbp.exchangeRate)).toBeGreaterThan(1);
    await tooLarge(call(app.url, "POST", lines(gbp.id), { key: alice, body: { name: "Near the limit", quantity: "1", unitPrice: "9000000000000000.00" } }), gbp.id, 1);
    // Creating with lines: refused the same way, and no deal is made.
    await tooLarge(call(app.url, "POST", "/api/v1/opportunities", { key: alice, body: { title: "Too much at once", stageId, lineItems: [{ ...half, billing: "ONE_TIME" }, { ...half, billing: "ONE_TIME" }] } }), d.id, 3);
    expect((await call(app.url, "GET", "/api/v1/opportunities?q=Too%20much%20at%20once", { key: alice })).body.total).toBe(0);
  });

  it("creates an opportunity with its lines in one call", async () => {
    const res = await call(app.url, "POST", "/api/v1/opportunities", {
      key: alice,
      body: { title: "Deal with lines", stageId, contractMonths: 12, lineItems: [{ productId: products["PLAT-STD"].id, name: "Seats", quantity: "4", unitPrice: "49.00", billing: "MONTHLY" }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: "2352.00", recurringAmount: "196.00", version: 1 });
    expect((await call(app.url, "GET", lines(res.body.id), { key: alice })).body.data).toHaveLength(1);
  });

  it("keeps salespeople from changing lines of a deal they may not edit (403) and from seeing a private one's (404)", async () => {
    const open = await deal(alice);
    const line = (await call(app.url, "POST", lines(open.id), { key: alice, body: { name: "Mine", quantity: "1", unitPrice: "5" } })).body;
    for (const [method, path, body] of [
      ["POST", lines(open.id), { name: "x", quantity: "1", unitPrice: "1" }],
      ["PUT", lines(open.id), { lines: [] }],
      ["PATCH", `${lines(open.id)}/${line.id}`, { quantity: "3" }],
      ["DELETE", `${lines(open.id)}/${line.id}`, undefined],
      ["POST", `${lines(open.id)}/reorder`, { ids: [line.id] }],
    ] as const) expect((await call(app.url, method, path, { key: bob, body })).status, `${method} ${path}`).toBe(403);

    const secret = await deal(alice, { isPrivate: true });
    const hidden = (await call(app.url, "POST", lines(secret.id), { key: alice, body: { name: "Secret line", quantity: "1", unitPrice: "5" } })).body;
    for (const [method, path, body] of [
      ["GET", lines(secret.id), undefined],
      ["POST", lines(secret.id), { name: "x", quantity: "1", unitPrice: "1" }],
      ["PUT", lines(secret.id), { lines: [] }],
      ["PATCH", `${lines(secret.id)}/${hidden.id}`, { quantity: "3" }],
      ["DELETE", `${lines(secret.id)}/${hidden.id}`, undefined],
      ["POST", `${lines(secret.id)}/reorder`, { ids: [hidden.id] }],
    ] as const) {
      const res = await call(app.url, method, path, { key: bob, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Secret line");
    }
    const mine = await call(app.url, "GET", lines(secret.id), { key: alice });
    expect(mine.body.data.map((l: { name: string }) => l.name)).toEqual(["Secret line"]);
  });
});
