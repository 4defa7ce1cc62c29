// Contract tests of /api/v1 accounts and contacts over HTTP against the
// production build, on each database: shared by the whole team, deletable by
// the UI's rules, and never a window onto a private opportunity.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("accounts and contacts API on %s", (kind) => {
  let app: AppServer;
  let alice: string;
  let bob: string;
  let manager: string;
  let aliceId: string;
  let leadStageId: string;

  async function keyFor(email: string) {
    const cookie = await signInCookie(app.url, email);
    return (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "contract" } })).body.secret as string;
  }
  const api = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(app.url, method, `/api/v1${path}`, { key, body, headers });
  const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((x) => x.id);

  beforeAll(async () => {
    app = await startAppServer(kind);
    [alice, bob, manager] = await Promise.all(["alice@example.com", "bob@example.com", "manager@example.com"].map(keyFor));
    aliceId = (await api(alice, "GET", "/users?q=alice")).body.data[0].id;
    leadStageId = (await api(alice, "GET", "/stages?type=OPEN")).body.data[0].id;
  });
  afterAll(() => app?.stop());

  it("creates an account owned by its creator, reads it back and finds it by search, filters and sort", async () => {
    const res = await api(alice, "POST", "/accounts", { name: "Zeta Robotics", industry: "Robotics", city: "Lyon", country: "France", employees: 120, annualRevenue: "1500000.5" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/accounts/${res.body.id}`);
    expect(res.headers.get("etag")).toBe(`"${res.body.updatedAt}"`);
    expect(res.body).toMatchObject({ name: "Zeta Robotics", ownerId: aliceId, annualRevenue: "1500000.50", website: null });
    expect((await api(bob, "GET", `/accounts/${res.body.id}`)).body).toEqual(res.body);
    expect(ids(await api(bob, "GET", "/accounts?q=zeta rob"))).toEqual([res.body.id]);
    expect(ids(await api(bob, "GET", "/accounts?industry=robotics&country=FRANCE"))).toEqual([res.body.id]);
    expect(ids(await api(bob, "GET", "/accounts?limit=1"))).toEqual([res.body.id]); // newest first
    const byName = (await api(bob, "GET", "/accounts?sort=name&limit=100")).body.data.map((a: { name: string }) => a.name);
    expect(byName).toEqual([...byName].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await api(bob, "GET", "/accounts?sort=annualRevenue&shoe=44")).body.error.fields).toEqual({ sort: expect.any(String), shoe: "Unknown field" });
    expect((await api(bob, "GET", "/accounts/nope")).status).toBe(404);
  });

  it("answers 422 naming every bad and unknown account field", async () => {
    const res = await api(alice, "POST", "/accounts", { name: " ", website: "not a site", employees: -3, annualRevenue: "1.234", colour: "red" });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({
      name: "Enter the company name",
      website: expect.any(String),
      employees: "Enter 0 or more",
      annualRevenue: expect.any(String),
      colour: "Unknown field",
    });
    const owner = await api(alice, "POST", "/accounts", { name: "Ownerless", ownerId: "nobody" });
    expect(owner.body.error.fields).toEqual({ ownerId: "Choose an active user as owner" });
  });

  it("patches only what is sent, clears with null, and refuses a stale updatedAt with 409 changing nothing", async () => {
    const made = (await api(alice, "POST", "/accounts", { name: "Patchable", phone: "123", city: "Oslo" })).body;
    const patched = await api(bob, "PATCH", `/accounts/${made.id}`, { phone: "+47 555", city: null, updatedAt: made.updatedAt });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Patchable", phone: "+47 555", city: null });
    expect(patched.headers.get("etag")).toBe(`"${patched.body.updatedAt}"`);
    const stale = await api(alice, "PATCH", `/accounts/${made.id}`, { phone: "old", updatedAt: made.updatedAt });
    expect(stale.status).toBe(409);
    const staleHeader = await api(alice, "PATCH", `/accounts/${made.id}`, { phone: "old" }, { "If-Match": `"${made.updatedAt}"` });
    expect(staleHeader.status).toBe(409);
    expect((await api(alice, "GET", `/accounts/${made.id}`)).body.phone).toBe("+47 555");
    const fresh = await api(alice, "PATCH", `/accounts/${made.id}`, { phone: "new" }, { "If-Match": patched.headers.get("etag")! });
    expect(fresh.body.phone).toBe("new");
    // If-Match: * means any version: it applies whatever changed since.
    const any = await api(alice, "PATCH", `/accounts/${made.id}`, { phone: "any" }, { "If-Match": "*" });
    expect({ status: any.status, phone: any.body.phone }).toEqual({ status: 200, phone: "any" });
    expect((await api(alice, "PATCH", "/accounts/nope", { phone: "x" })).status).toBe(404);
    expect((await api(alice, "PATCH", `/accounts/${made.id}`, { updatedAt: "yesterday" })).body.error.fields).toHaveProperty("updatedAt");
  });

  it("lets exactly one of several concurrent PATCHes with the same updatedAt win", async () => {
    const made = (await api(alice, "POST", "/accounts", { name: "Race Corp" })).body;
    const results = await Promise.all([1, 2, 3, 4].map((n) => api(alice, "PATCH", `/accounts/${made.id}`, { city: `City ${n}`, updatedAt: made.updatedAt })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await api(alice, "GET", `/accounts/${made.id}`)).body.city).toBe(results.find((r) => r.status === 200)!.body.city);
  });

  it("deletes an account by the UI's rules: owner, managers and admins; 409 while in use unless told what to do", async () => {
    const account = (await api(alice, "POST", "/accounts", { name: "Doomed Ltd" })).body;
    const contact = (await api(alice, "POST", "/contacts", { firstName: "Dora", lastName: "Doomed", accountId: account.id })).body;
    const deal = (await api(alice, "POST", "/opportunities", { title: "Doomed deal", stageId: leadStageId, accountId: account.id, isPrivate: true })).body;
    expect((await api(bob, "DELETE", `/accounts/${account.id}?strategy=detach`)).status).toBe(403);
    const inUse = await api(alice, "DELETE", `/accounts/${account.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.fields).toHaveProperty("strategy");
    expect(JSON.stringify(inUse.body)).not.toContain("Doomed deal");
    expect((await api(alice, "DELETE", `/accounts/${account.id}?strategy=reassign`)).body.error.fields).toHaveProperty("targetAccountId");
    const gone = await api(manager, "DELETE", `/accounts/${account.id}?strategy=detach`);
    expect(gone.body).toEqual({ id: account.id, deleted: true, movedOpportunities: 1 });
    expect((await api(alice, "GET", `/accounts/${account.id}`)).status).toBe(404);
    expect((await api(alice, "GET", `/opportunities/${deal.id}`)).body.accountId).toBeNull();
    expect((await api(alice, "GET", `/contacts/${contact.id}`)).body.accountId).toBeNull();
    const unused = (await api(alice, "POST", "/accounts", { name: "Unused" })).body;
    expect((await api(alice, "DELETE", `/accounts/${unused.id}`)).body).toEqual({ id: unused.id, deleted: true, movedOpportunities: 0 });
  });

  it("creates, finds, patches and deletes contacts; one in use is removed or replaced only on request", async () => {
    const account = (await api(alice, "POST", "/accounts", { name: "Contactful" })).body;
    const res = await api(bob, "POST", "/contacts", { firstName: "Grace", lastName: "Hopper", email: "grace@navy.example", accountId: account.id });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/contacts/${res.body.id}`);
    const grace = res.body;
    const other = (await api(bob, "POST", "/contacts", { firstName: "Alan", lastName: "Turing", accountId: account.id })).body;
    expect(ids(await api(alice, "GET", `/contacts?accountId=${account.id}&sort=lastName`))).toEqual([grace.id, other.id]);
    expect(ids(await api(alice, "GET", "/contacts?q=grace hopper"))).toEqual([grace.id]);
    expect(ids(await api(alice, "GET", "/contacts?email=GRACE@navy.example"))).toEqual([grace.id]);
    const bad = await api(alice, "POST", "/contacts", { firstName: "", lastName: "X", email: "nope", accountId: "gone" });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "firstName"]);
    expect((await api(alice, "POST", "/contacts", { firstName: "A", lastName: "B", accountId: "gone" })).body.error.fields).toEqual({ accountId: "This account no longer exists" });

    const patched = await api(alice, "PATCH", `/contacts/${grace.id}`, { jobTitle: "Rear Admiral", updatedAt: grace.updatedAt });
    expect(patched.body).toMatchObject({ jobTitle: "Rear Admiral", email: "grace@navy.example" });
    expect((await api(alice, "PATCH", `/contacts/${grace.id}`, { jobTitle: "x", updatedAt: grace.updatedAt })).status).toBe(409);

    const deal = (await api(alice, "POST", "/opportunities", { title: "Navy deal", stageId: leadStageId, contacts: [{ contactId: grace.id, isPrimary: true }, { contactId: other.id, isPrimary: false }] })).body;
    const inUse = await api(bob, "DELETE", `/contacts/${grace.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.fields).toHaveProperty("strategy");
    const removed = await api(bob, "DELETE", `/contacts/${grace.id}?strategy=remove`);
    expect(removed.body).toEqual({ id: grace.id, deleted: true, opportunities: 1 });
    expect((await api(alice, "GET", `/opportunities/${deal.id}`)).body.contacts).toEqual([{ contactId: other.id, isPrimary: true }]);
    expect((await api(alice, "GET", `/contacts/${grace.id}`)).status).toBe(404);
    expect((await api(alice, "DELETE", `/contacts/${grace.id}?strategy=remove`)).status).toBe(404);
  });

  it("never lets a contact or account list reveal a private opportunity to someone who may not see it", async () => {
    const account = (await api(alice, "POST", "/accounts", { name: "Secretive Inc" })).body;
    const insider = (await api(alice, "POST", "/contacts", { firstName: "Ivy", lastName: "Insider", accountId: account.id })).body;
    const secret = (await api(alice, "POST", "/opportunities", {
      title: "Alice's secret merger", stageId: leadStageId, isPrivate: true, accountId: account.id, contacts: [{ contactId: insider.id, isPrimary: true }],
    })).body;
    // Who works on the private deal is part of the deal: bob's filter finds nobody, as for a deal that does not exist.
    const bobs = await api(bob, "GET", `/contacts?opportunityId=${secret.id}`);
    expect(bobs.status).toBe(200);
    expect(bobs.body).toEqual({ data: [], total: 0, hasMore: false, nextCursor: null });
    expect(ids(await api(alice, "GET", `/contacts?opportunityId=${secret.id}`))).toEqual([insider.id]);
    expect(ids(await api(manager, "GET", `/contacts?opportunityId=${secret.id}`))).toEqual([insider.id]);
    // The account and the contact themselves are shared; nothing of the deal comes with them.
    for (const path of [`/accounts/${account.id}`, `/contacts/${insider.id}`, "/accounts?q=Secretive", `/contacts?accountId=${account.id}`]) {
      const res = await api(bob, "GET", path);
      expect(res.status, path).toBe(200);
      expect(JSON.stringify(res.body), path).not.toMatch(/secret merger|opportunit/i);
      expect(JSON.stringify(res.body), path).not.toContain(secret.id);
    }
  });
});
