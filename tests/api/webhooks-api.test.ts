// /api/v1/webhooks over HTTP against the production build, on each database,
// with a real HTTP receiver started by the test (WEBHOOK_ALLOW_PRIVATE=true so
// the app may reach 127.0.0.1): endpoints are managed by their owners and
// admins only, the secret is shown once, deliveries carry the documented
// headers and a signature the documented recipe verifies (two during the
// 24 hours after a rotation), every attempt is logged, a delivery can be sent
// again with the same event id, and an endpoint receives only what its owner
// may see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";
import { documentedVerifier, startReceiver, type Receiver } from "../support/webhook-receiver";

const verify = documentedVerifier();

describe.each(availableKinds())("the webhooks API on %s", (kind) => {
  let app: AppServer;
  let receiver: Receiver;
  const keys: Record<"admin" | "manager" | "alice" | "bob", string> = { admin: "", manager: "", alice: "", bob: "" };
  let stageId: string;

  const api = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(app.url, method, `/api/v1${path}`, { key, body, headers });
  const create = async (key: string, path: string, eventTypes: string[] = ["*"]) => {
    const res = await api(key, "POST", "/webhooks", { url: `${receiver.url}${path}`, eventTypes, description: `test ${path}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; secret: string; version: number };
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startAppServer(kind, { WEBHOOK_ALLOW_PRIVATE: "true" });
    for (const who of Object.keys(keys) as (keyof typeof keys)[]) {
      const cookie = await signInCookie(app.url, `${who}@example.com`);
      keys[who] = (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "hooks" } })).body.secret;
    }
    const pipelines = (await api(keys.admin, "GET", "/pipelines")).body.data as { isDefault: boolean; stages: { id: string; type: string }[] }[];
    stageId = pipelines.find((p) => p.isDefault)!.stages.find((s) => s.type === "OPEN")!.id;
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  it("shows the secret once, lists and gets endpoints for their owner and admins only, and guards changes with the version", async () => {
    const hook = await create(keys.alice, "/crud");
    expect(hook.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const got = await api(keys.alice, "GET", `/webhooks/${hook.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(got.body).toMatchObject({ url: `${receiver.url}/crud`, eventTypes: ["*"], active: true, secretHint: hook.secret.slice(0, 10) + "…", version: 1 });
    expect(JSON.stringify(got.body)).not.toContain(hook.secret);
    expect(JSON.stringify((await api(keys.alice, "GET", "/webhooks")).body)).not.toContain(hook.secret);
    // Bob and the manager do not even learn it exists; the admin manages it.
    expect((await api(keys.bob, "GET", "/webhooks")).body.data.map((h: { id: string }) => h.id)).not.toContain(hook.id);
    expect((await api(keys.manager, "GET", `/webhooks/${hook.id}`)).status).toBe(404);
    expect((await api(keys.bob, "PATCH", `/webhooks/${hook.id}`, { url: "http://127.0.0.1:1/steal" })).status).toBe(404);
    expect((await api(keys.admin, "GET", "/webhooks")).body.data.map((h: { id: string }) => h.id)).toContain(hook.id);

    expect((await api(keys.alice, "PATCH", `/webhooks/${hook.id}`, { description: "stale", version: 7 })).status).toBe(409);
    expect((await api(keys.alice, "PATCH", `/webhooks/${hook.id}`, { description: "stale" }, { "If-Match": '"3"' })).status).toBe(409);
    const paused = await api(keys.admin, "PATCH", `/webhooks/${hook.id}`, { active: false, eventTypes: ["opportunity.won", "account.*"] }, { "If-Match": '"1"' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ active: false, eventTypes: ["opportunity.won", "account.*"], version: 2 });
    const refused = await api(keys.alice, "POST", `/webhooks/${hook.id}/test`);
    expect(refused.status).toBe(409);

    for (const [body, field] of [
      [{ url: "not a url", eventTypes: ["*"] }, "url"],
      [{ url: `${receiver.url}/x`, eventTypes: [] }, "eventTypes"],
      [{ url: `${receiver.url}/x`, eventTypes: ["opportunity.exploded"] }, "eventTypes.0"],
      [{ url: `${receiver.url}/x`, eventTypes: ["*"], secret: "mine" }, "secret"],
    ] as const) {
      const res = await api(keys.alice, "POST", "/webhooks", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
    expect((await api(keys.alice, "DELETE", `/webhooks/${hook.id}`, undefined, { "If-Match": '"1"' })).status).toBe(409);
    expect((await api(keys.alice, "DELETE", `/webhooks/${hook.id}`)).body).toEqual({ id: hook.id, deleted: true });
    expect((await api(keys.alice, "GET", `/webhooks/${hook.id}`)).status).toBe(404);
  });

  it("sends a test event with the documented headers and a signature the documented recipe verifies, logs the attempt and sends it again", async () => {
    receiver.respond = (r) => (r.path === "/test" ? { status: 200, body: "thanks!" } : {});
    const hook = await create(keys.alice, "/test");
    const queued = await api(keys.alice, "POST", `/webhooks/${hook.id}/test`);
    expect(queued.status).toBe(201);
    expect(queued.headers.get("location")).toBe(`/api/v1/webhooks/${hook.id}/deliveries/${queued.body.id}`);
    const [got] = await receiver.waitFor(1, (r) => r.path === "/test");
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["x-pipeline-event-type"]).toBe("webhook.test");
    expect(got.headers["x-pipeline-event-id"]).toBe(got.json.id);
    expect(got.headers["x-pipeline-delivery-id"]).toBe(queued.body.id);
    expect(Math.abs(Number(got.headers["x-pipeline-timestamp"]) - Date.now() / 1000)).toBeLessThan(120);
    expect(verify(hook.secret, got.headers, got.body)).toBe(true);
    expect(verify(hook.secret, got.headers, got.body.replace("test", "tost"))).toBe(false);
    expect(verify("whsec_wrong", got.headers, got.body)).toBe(false);

    // The log: delivered, one attempt with the answer's start.
    let detail;
    const deadline = Date.now() + 15_000;
    do detail = (await api(keys.alice, "GET", `/webhooks/${hook.id}/deliveries/${queued.body.id}`)).body;
    while (detail.status !== "DELIVERED" && Date.now() < deadline);
    expect(detail).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, eventType: "webhook.test", body: { id: got.json.id } });
    expect(detail.attemptsLog).toEqual([expect.objectContaining({ number: 1, statusCode: 200, responseBody: "thanks!", success: true, error: null })]);

    const again = await api(keys.alice, "POST", `/webhooks/${hook.id}/deliveries/${queued.body.id}/redeliver`);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(queued.body.id);
    const both = await receiver.waitFor(2, (r) => r.path === "/test");
    expect(both[1].json.id).toBe(got.json.id); // the same event: receivers de-duplicate on its id
    expect(both[1].headers["x-pipeline-delivery-id"]).toBe(again.body.id);

    const list = await api(keys.alice, "GET", `/webhooks/${hook.id}/deliveries?limit=1`);
    expect(list.body).toMatchObject({ total: 2, hasMore: true, nextCursor: expect.any(String) });
    expect(list.body.data).toHaveLength(1);
    expect((await api(keys.alice, "GET", `/webhooks/${hook.id}/deliveries?status=FAILED`)).body.total).toBe(0);
    expect((await api(keys.alice, "GET", `/webhooks/${hook.id}/deliveries?status=LOST`)).status).toBe(422);
    // Another endpoint's id in the path does not reach this delivery.
    const other = await create(keys.alice, "/other", ["account.*"]);
    expect((await api(keys.alice, "GET", `/webhooks/${other.id}/deliveries/${queued.body.id}`)).status).toBe(404);
    expect((await api(keys.bob, "GET", `/webhooks/${hook.id}/deliveries/${queued.body.id}`)).status).toBe(404);
    expect((await api(keys.bob, "POST", `/webhooks/${hook.id}/deliveries/${queued.body.id}/redeliver`)).status).toBe(404);
  });

  it("signs with the new and the old secret for 24 hours after a rotation", async () => {
    const hook = await create(keys.alice, "/rotate");
    const rotated = await api(keys.alice, "POST", `/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const until = Date.parse(rotated.body.previousSecretExpiresAt);
    expect(until - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    expect((await api(keys.alice, "POST", `/webhooks/${hook.id}/test`)).status).toBe(201);
    const [got] = await receiver.waitFor(1, (r) => r.path === "/rotate");
    expect(String(got.headers["x-pipeline-signature"]).split(" ")).toHaveLength(2);
    expect(verify(rotated.body.secret, got.headers, got.body)).toBe(true);
    expect(verify(hook.secret, got.headers, got.body)).toBe(true);
    expect((await api(keys.bob, "POST", `/webhooks/${hook.id}/rotate-secret`)).status).toBe(404);
  });

  it("delivers the changes each owner may see, with the record as the API returns it, and never another user's private deal", async () => {
    await create(keys.bob, "/bob", ["opportunity.*"]);
    const admins = await create(keys.admin, "/admin", ["opportunity.created", "opportunity.updated"]);
    const open = await api(keys.alice, "POST", "/opportunities", { title: "Open to all", stageId, amount: "100.00" });
    const secret = await api(keys.alice, "POST", "/opportunities", { title: "Alice's secret", stageId, amount: "31337.00", isPrivate: true });
    const edited = await api(keys.alice, "PATCH", `/opportunities/${open.body.id}`, { amount: "150.00" });
    expect([open.status, secret.status, edited.status]).toEqual([201, 201, 200]);

    const toAdmin = await receiver.waitFor(3, (r) => r.path === "/admin");
    expect(toAdmin.map((r) => [r.json.type, r.json.record.id]).sort()).toEqual(
      [["opportunity.created", open.body.id], ["opportunity.created", secret.body.id], ["opportunity.updated", open.body.id]].sort(),
    );
    const update = toAdmin.find((r) => r.json.type === "opportunity.updated")!;
    expect(update.json.data).toEqual(edited.body);
    expect(update.json.previous).toMatchObject({ amount: "100.00", baseAmount: "100.00" });
    for (const r of toAdmin) expect(verify(admins.secret, r.headers, r.body)).toBe(true);

    const toBob = await receiver.waitFor(2, (r) => r.path === "/bob");
    // Give a wrong delivery time to arrive before saying it did not.
    await new Promise((r) => setTimeout(r, 1500));
    const bobGot = receiver.received.filter((r) => r.path === "/bob");
    expect(bobGot.map((r) => [r.json.type, r.json.record.id])).toEqual([["opportunity.created", open.body.id], ["opportunity.updated", open.body.id]]);
    expect(JSON.stringify(bobGot)).not.toContain("31337");
    expect(toBob[0].json.data).toMatchObject({ id: open.body.id, title: "Open to all" });
  });
});
