// Contract tests of /api/v1 activities, activity types, notes and notifications
// over HTTP against the production build, on each database: the conventions
// (201 + Location + ETag, 422 naming fields, paging with a cursor, If-Match,
// Idempotency-Key), and privacy: nothing about a private deal reaches bob.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("activities and notes API on %s", (kind) => {
  let app: AppServer;
  let alice: string;
  let bob: string;
  let admin: string;
  let aliceId: string;
  let bobId: string;
  let stageId: string;
  let callType: string;

  async function keyFor(email: string) {
    const cookie = await signInCookie(app.url, email);
    return (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "contract" } })).body.secret as string;
  }
  const api = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => call(app.url, method, `/api/v1${path}`, { key, body, headers });
  const deal = async (key: string, extra: Record<string, unknown> = {}) => (await api(key, "POST", "/opportunities", { title: `Deal ${Math.random()}`, stageId, ...extra })).body.id as string;

  beforeAll(async () => {
    app = await startAppServer(kind);
    [alice, bob, admin] = await Promise.all(["alice@example.com", "bob@example.com", "admin@example.com"].map(keyFor));
    aliceId = (await api(alice, "GET", "/users?q=alice")).body.data[0].id;
    bobId = (await api(alice, "GET", "/users?q=bob")).body.data[0].id;
    stageId = (await api(alice, "GET", "/stages?type=OPEN")).body.data[0].id;
    callType = (await api(alice, "GET", "/activity-types")).body.data.find((t: { name: string }) => t.name === "Call").id;
  });
  afterAll(() => app?.stop());

  it("creates, reads, patches with If-Match, marks done idempotently and deletes an activity", async () => {
    const opportunityId = await deal(alice);
    const res = await api(alice, "POST", "/activities", { typeId: callType, subject: "Call the buyer", opportunityId, dueDate: "2026-12-08", dueTime: "10:30", durationMinutes: 30 });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/activities/${res.body.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toMatchObject({ subject: "Call the buyer", assigneeId: aliceId, done: false, type: { name: "Call", icon: "phone" }, dueDate: "2026-12-08", dueTime: "10:30" });
    const path = `/activities/${res.body.id}`;
    expect((await api(alice, "GET", path)).body).toEqual(res.body);
    expect((await api(alice, "PATCH", path, { subject: "Stale" }, { "If-Match": '"7"' })).status).toBe(409);
    const done = await api(alice, "PATCH", path, { done: true }, { "If-Match": '"1"' });
    expect([done.status, done.body.done, done.body.version, done.headers.get("etag")]).toEqual([200, true, 2, '"2"']);
    const again = await api(alice, "PATCH", path, { done: true });
    expect([again.body.version, again.body.doneAt]).toEqual([2, done.body.doneAt]);
    expect((await api(bob, "DELETE", path)).status).toBe(403); // a public deal: bob sees it but is not on it
    expect((await api(alice, "DELETE", path)).body).toEqual({ id: res.body.id, deleted: true });
    expect((await api(alice, "GET", path)).status).toBe(404);
  });

  it("answers 422 naming each bad field, never 5xx", async () => {
    const opportunityId = await deal(alice);
    const res = await api(alice, "POST", "/activities", { typeId: callType, subject: "", dueTime: "10:00", durationMinutes: 2000, opportunityId, colour: "red" });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ subject: "Enter a subject", dueTime: "A due time needs a due date", durationMinutes: "Enter at most 24 hours (1440 minutes)", colour: "Unknown field" });
    expect((await api(alice, "POST", "/activities", { typeId: callType, subject: "x" })).body.error.fields).toEqual({ opportunityId: "Link it to an opportunity, an account or a contact" });
    expect((await api(alice, "POST", "/activities", { typeId: "nope", subject: "x", opportunityId })).body.error.fields).toEqual({ typeId: "Choose an activity type" });
    expect((await api(alice, "GET", "/activities?dueFrom=2026-02-30&done=yes")).body.error.fields).toEqual({ dueFrom: expect.any(String), done: expect.any(String) });
    expect((await api(alice, "POST", "/notes", { body: "x".repeat(20_001), opportunityId })).body.error.fields).toEqual({ body: "Use at most 20,000 characters" });
  });

  it("lists with filters, paging and a cursor; a created activity replays under its Idempotency-Key", async () => {
    const opportunityId = await deal(bob);
    for (const [i, d] of ["2026-12-03", "2026-12-01", "2026-12-02"].entries()) {
      await api(bob, "POST", "/activities", { typeId: callType, subject: `Step ${i}`, opportunityId, dueDate: d });
    }
    const first = await api(bob, "GET", `/activities?opportunityId=${opportunityId}&limit=2`);
    expect([first.body.total, first.body.hasMore, first.body.data.map((a: { dueDate: string }) => a.dueDate)]).toEqual([3, true, ["2026-12-01", "2026-12-02"]]);
    const next = await api(bob, "GET", `/activities?opportunityId=${opportunityId}&limit=2&cursor=${first.body.nextCursor}`);
    expect([next.body.hasMore, next.body.nextCursor, next.body.data.map((a: { dueDate: string }) => a.dueDate)]).toEqual([false, null, ["2026-12-03"]]);
    expect((await api(bob, "GET", `/activities?opportunityId=${opportunityId}&dueFrom=2026-12-02&dueTo=2026-12-02&assigneeId=me`)).body.total).toBe(1);
    const body = { typeId: callType, subject: "Once", opportunityId };
    const a = await api(bob, "POST", "/activities", body, { "Idempotency-Key": `once-${kind}` });
    const b = await api(bob, "POST", "/activities", body, { "Idempotency-Key": `once-${kind}` });
    expect([b.status, b.body.id, b.headers.get("idempotent-replayed")]).toEqual([201, a.body.id, "true"]);
    expect((await api(bob, "GET", `/activities?opportunityId=${opportunityId}`)).body.total).toBe(4);
  });

  it("keeps activities, notes and notifications of a private deal from bob; a mention of him is refused and said so", async () => {
    const secret = await deal(alice, { isPrivate: true });
    const act = (await api(alice, "POST", "/activities", { typeId: callType, subject: "Secret call", opportunityId: secret })).body;
    const note = await api(alice, "POST", "/notes", { body: "Secret plan https://example.com", opportunityId: secret, mentionIds: [bobId] });
    expect([note.status, note.body.mentionsNotNotified]).toEqual([201, [bobId]]);
    expect((await api(bob, "GET", `/activities/${act.id}`)).status).toBe(404);
    expect((await api(bob, "GET", `/notes/${note.body.id}`)).status).toBe(404);
    expect((await api(bob, "GET", `/activities?opportunityId=${secret}`)).body).toMatchObject({ total: 0, data: [] });
    expect((await api(bob, "GET", `/notes?opportunityId=${secret}`)).body).toMatchObject({ total: 0, data: [] });
    expect(JSON.stringify((await api(bob, "GET", "/notifications?limit=100")).body)).not.toContain(secret);
    expect((await api(bob, "PATCH", `/activities/${act.id}`, { done: true })).status).toBe(404);
    expect((await api(alice, "POST", "/activities", { typeId: callType, subject: "For bob", opportunityId: secret, assigneeId: bobId })).body.error.fields).toEqual({
      assigneeId: "This person cannot see this private opportunity; add them as a member first",
    });
  });

  it("notifies an assignee and a mentioned user; they mark one or all read", async () => {
    const opportunityId = await deal(alice);
    const before = (await api(bob, "GET", "/notifications?unread=true")).body.unread as number;
    await api(alice, "POST", "/activities", { typeId: callType, subject: "Your call", opportunityId, assigneeId: bobId });
    await api(alice, "POST", "/notes", { body: "@Bob have a look", opportunityId, mentionIds: [bobId] });
    const list = await api(bob, "GET", "/notifications?unread=true");
    expect(list.body.unread).toBe(before + 2);
    expect(list.body.data.slice(0, 2).map((n: { kind: string; link: string }) => [n.kind, n.link])).toEqual([
      ["mention", `/opportunities/${opportunityId}`],
      ["activity_assigned", `/opportunities/${opportunityId}`],
    ]);
    const read = await api(bob, "PATCH", `/notifications/${list.body.data[0].id}`, { read: true });
    expect([read.status, read.body.read]).toEqual([200, true]);
    expect((await api(alice, "PATCH", `/notifications/${list.body.data[1].id}`, { read: true })).status).toBe(404);
    expect((await api(bob, "POST", "/notifications/read-all")).status).toBe(200);
    expect((await api(bob, "GET", "/notifications")).body.unread).toBe(0);
  });

  it("lets only admins add and deactivate activity types", async () => {
    expect((await api(bob, "POST", "/activity-types", { name: "Visit", icon: "flag" })).status).toBe(403);
    const visit = await api(admin, "POST", "/activity-types", { name: `Visit ${kind}`, icon: "flag" });
    expect(visit.status).toBe(201);
    expect((await api(admin, "PATCH", `/activity-types/${visit.body.id}`, { active: false })).body.active).toBe(false);
    expect((await api(bob, "GET", "/activity-types?active=true")).body.data.map((t: { name: string }) => t.name)).toEqual(["Call", "Meeting", "Task", "Email", "Deadline"]);
    expect((await api(admin, "POST", "/activity-types", { name: "X", icon: "rocket" })).body.error.fields).toEqual({ icon: expect.stringContaining("Choose one of") });
  });
});
