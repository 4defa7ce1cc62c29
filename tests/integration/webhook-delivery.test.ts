// Webhook delivery on both databases, against a real HTTP receiver started by
// the test, with the app's own pieces (the outbox dispatcher and the job
// worker with the delivery job) running in this process on short timings:
// success, a 500 and a timeout retried with backoff then delivered, every
// attempt logged; a slow endpoint holding up no other; a redirect not
// followed; a private address refused after DNS without the flag; one
// record's events in order; tombstones for who lost sight; and an endpoint
// failing for three days disabled and its owner told.
process.env.WEBHOOK_ALLOW_PRIVATE = "true";

import dns from "node:dns/promises";
import os from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { RetryPolicy } from "@/lib/domain/backoff";
import { createAccount } from "@/lib/server/accounts/write";
import type { Actor } from "@/lib/server/auth/actor";
import { OutboxConsumer } from "@/lib/server/events/consumer";
import { JobWorker } from "@/lib/server/jobs/worker";
import { listNotifications } from "@/lib/server/notifications/read";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { webhookDeliveryJob, type DeliverySettings } from "@/lib/server/webhooks/deliver";
import { resendDelivery, sendTestEvent } from "@/lib/server/webhooks/deliveries";
import { isPrivateAddress } from "@/lib/server/webhooks/address";
import { webhookDispatcher } from "@/lib/server/webhooks/dispatch";
import { createEndpoint, deleteEndpoint, getEndpoint } from "@/lib/server/webhooks/endpoints";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";
import { documentedVerifier, startReceiver, type Receiver } from "../support/webhook-receiver";

const verify = documentedVerifier();
/** Base 400 ms, doubling; the jitter fixed at its middle: waits of 300 ms, then 600 ms, then 1200 ms. */
const RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 400, maxDelayMs: 5_000 };
/** Generous: the machine may be very busy; only the lower bounds are exact. */
const SLOW_MACHINE_MS = 20_000;

interface AttemptRow {
  number: number;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
  success: boolean;
}

describe.each(availableKinds())("webhook delivery on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let receiver: Receiver;
  let worker: JobWorker;
  let consumer: OutboxConsumer;
  let stageId: string;
  /** The production timeout, except where a test shortens it to provoke one. */
  const settings: DeliverySettings = { timeoutMs: 10_000, allowPrivate: true };
  const endpoints: string[] = [];

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    stageId = (await t.db.prisma.stage.findFirstOrThrow({ where: { type: "OPEN", pipeline: { isDefault: true } }, orderBy: { position: "asc" } })).id;
    receiver = await startReceiver();
    worker = new JobWorker(t.db, [webhookDeliveryJob(() => settings, RETRY)], { pollMs: 100, leaseMs: 10_000, concurrency: 8, random: () => 0.5 });
    consumer = new OutboxConsumer(t.db, webhookDispatcher, 100);
    await worker.start();
    await consumer.start();
  }, 300_000);
  afterEach(async () => {
    receiver.respond = () => ({});
    Object.assign(settings, { timeoutMs: 10_000, allowPrivate: true });
    // Deleting an endpoint ends its retries: the queued jobs find no delivery.
    for (const id of endpoints.splice(0)) await deleteEndpoint(actors.admin, id).catch(() => {});
  });
  afterAll(async () => {
    await consumer?.stop();
    await worker?.stop(500);
    await receiver?.close();
    useDatabase(undefined);
    await t?.drop();
  });

  async function endpoint(actor: Actor, path: string, eventTypes = ["*"]) {
    const e = await createEndpoint(actor, { url: `${receiver.url}${path}`, eventTypes });
    endpoints.push(e.id);
    return e;
  }
  const attempts = (deliveryId: string) =>
    t.db.query<AttemptRow>(`SELECT "number", "statusCode", "responseBody", "error", "success" FROM "WebhookAttempt" WHERE "deliveryId" = $1 ORDER BY "number"`, [deliveryId]);
  /** The delivery's attempts once there are `n` of them. */
  async function attemptsOnce(deliveryId: string, n = 1) {
    const deadline = Date.now() + SLOW_MACHINE_MS;
    for (;;) {
      const log = await attempts(deliveryId);
      if (log.length >= n) return log;
      if (Date.now() > deadline) {
        const jobs = await t.db.query(`SELECT * FROM "Job" WHERE "payload"->>'deliveryId' = $1`, [deliveryId]);
        throw new Error(`delivery ${deliveryId} has ${log.length} attempts; its job: ${JSON.stringify(jobs)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function settled(deliveryId: string, status = "DELIVERED") {
    const deadline = Date.now() + SLOW_MACHINE_MS;
    for (;;) {
      const [d] = await t.db.query<{ status: string }>(`SELECT "status"::text AS "status" FROM "WebhookDelivery" WHERE "id" = $1`, [deliveryId]);
      if (d?.status === status) return;
      if (Date.now() > deadline) throw new Error(`delivery ${deliveryId} is ${d?.status}, not ${status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("delivers a change once, signed as documented, and logs the attempt", async () => {
    const hook = await endpoint(actors.alice, "/once");
    const deal = await createOpportunity(actors.alice, { title: "Hooked", stageId, amount: "10.00" });
    const [got] = await receiver.waitFor(1, (r) => r.path === "/once");
    expect(got.json).toMatchObject({ type: "opportunity.created", record: { type: "opportunity", id: deal.id }, data: deal, actor: { userId: actors.alice.id, apiKeyId: null } });
    expect(verify(hook.secret, got.headers, got.body)).toBe(true);
    const deliveryId = String(got.headers["x-pipeline-delivery-id"]);
    await settled(deliveryId);
    expect(await attempts(deliveryId)).toEqual([{ number: 1, statusCode: 200, responseBody: "ok", error: null, success: true }]);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.filter((r) => r.path === "/once")).toHaveLength(1);
  });

  it("retries a 500 and a timeout with growing waits, then delivers; every attempt is logged", async () => {
    settings.timeoutMs = 2_000;
    receiver.respond = (r, n) => (r.path !== "/flaky" ? {} : n === 0 ? { status: 500, body: "boom" } : n === 1 ? { delayMs: 8_000 } : { status: 204 });
    const hook = await endpoint(actors.alice, "/flaky");
    const delivery = await sendTestEvent(actors.alice, hook.id);
    await settled(delivery.id);
    const log = await attempts(delivery.id);
    expect(log.map((a) => [a.number, a.statusCode, a.success])).toEqual([[1, 500, false], [2, null, false], [3, 204, true]]);
    expect(log[0]).toMatchObject({ responseBody: "boom", error: "The endpoint answered 500" });
    expect(log[1].error).toMatch(/^No complete answer within 2 s/);
    // The sequence at the receiver, and the gaps the backoff promises at least (no upper bound but a generous one):
    // 300 ms after the 500; after the timeout, the 2 s it waited plus 600 ms.
    const arrivals = receiver.received.filter((r) => r.path === "/flaky").map((r) => r.at);
    expect(arrivals).toHaveLength(3);
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(300 - 5);
    expect(arrivals[2] - arrivals[1]).toBeGreaterThanOrEqual(600 - 5);
    expect(arrivals[2] - arrivals[0]).toBeLessThan(SLOW_MACHINE_MS);
    const [endpointRow] = await t.db.query<{ failingSince: Date | null }>(`SELECT "failingSince" FROM "WebhookEndpoint" WHERE "id" = $1`, [hook.id]);
    expect(endpointRow.failingSince).toBeNull(); // the success ended the failing streak
  });

  it("keeps a slow endpoint from holding up another one", async () => {
    settings.timeoutMs = 12_000;
    receiver.respond = (r) => (r.path === "/slow" ? { delayMs: 6_000 } : {});
    await endpoint(actors.alice, "/slow", ["account.*"]);
    await endpoint(actors.bob, "/fast", ["account.*"]);
    await Promise.all(Array.from({ length: 6 }, (_, i) => createAccount(actors.alice, { name: `Slow Co ${kind} ${i}` })));
    const fast = await receiver.waitFor(6, (r) => r.path === "/fast", SLOW_MACHINE_MS);
    const slow = (await receiver.waitFor(6, (r) => r.path === "/slow", SLOW_MACHINE_MS + 12_000)).map((r) => r.at).sort((a, b) => a - b);
    // All six fast deliveries arrived while the slow endpoint had not answered its first one yet;
    // and at most four of one endpoint run at once: its fifth waited for an answer.
    expect(Math.max(...fast.map((r) => r.at))).toBeLessThan(slow[0] + 6_000);
    expect(slow[4] - slow[0]).toBeGreaterThanOrEqual(6_000 - 5);
  }, 60_000);

  it("does not follow redirects, and refuses a name resolving to a private address without the flag", async () => {
    receiver.respond = (r) => (r.path === "/moved" ? { status: 302, headers: { Location: `${receiver.url}/elsewhere` } } : {});
    const moved = await endpoint(actors.alice, "/moved");
    const first = await sendTestEvent(actors.alice, moved.id);
    await receiver.waitFor(1, (r) => r.path === "/moved");
    const log = await attemptsOnce(first.id);
    expect(log[0]).toMatchObject({ statusCode: 302, success: false, error: `Redirect to ${receiver.url}/elsewhere not followed` });
    expect(receiver.received.some((r) => r.path === "/elsewhere")).toBe(false);

    // The host's own name: not "localhost" by its spelling, but DNS (here /etc/hosts) says loopback.
    const host = os.hostname();
    const resolved = await dns.lookup(host, { all: true }).catch(() => []);
    if (!resolved.length || !resolved.every((a) => isPrivateAddress(a.address))) return;
    const port = new URL(receiver.url).port;
    const sneaky = await createEndpoint(actors.alice, { url: `http://${host}:${port}/sneaky`, eventTypes: ["*"] });
    endpoints.push(sneaky.id);
    settings.allowPrivate = false;
    const refused = await sendTestEvent(actors.alice, sneaky.id);
    const sneakyLog = await attemptsOnce(refused.id);
    expect(sneakyLog[0]).toMatchObject({ statusCode: null, success: false, error: expect.stringContaining("resolves to a private, loopback or link-local address") });
    expect(receiver.received.some((r) => r.path === "/sneaky")).toBe(false);
  });

  it("sends one record's events in the order they happened, a retry holding back the later ones", async () => {
    receiver.respond = (r, n) => (r.path === "/order" && n === 0 ? { status: 503 } : {});
    await endpoint(actors.alice, "/order", ["opportunity.*"]);
    const deal = await createOpportunity(actors.alice, { title: "Ordered", stageId });
    for (let i = 1; i <= 4; i++) await updateOpportunity(actors.alice, deal.id, { amount: `${i}00.00` });
    const got = await receiver.waitFor(6, (r) => r.path === "/order");
    const versions = got.map((r) => (r.json.data as { version: number }).version);
    // The first failed once and was sent again before anything later.
    expect(versions).toEqual([1, 1, 2, 3, 4, 5]);
  });

  it("tells who lost sight of a deal with a tombstone and never sends them what follows", async () => {
    await endpoint(actors.bob, "/bob-hidden", ["opportunity.*"]);
    const deal = await createOpportunity(actors.alice, { title: "Shared then hidden", stageId, memberIds: [actors.bob.id], isPrivate: true, amount: "5.00" });
    await updateOpportunity(actors.alice, deal.id, { memberIds: [] });
    await updateOpportunity(actors.alice, deal.id, { amount: "777777.00" });
    const got = await receiver.waitFor(2, (r) => r.path === "/bob-hidden");
    await new Promise((r) => setTimeout(r, 1_000));
    const all = receiver.received.filter((r) => r.path === "/bob-hidden");
    expect(all.map((r) => r.json.type)).toEqual(["opportunity.created", "opportunity.hidden"]);
    expect(got[1].json).toMatchObject({ record: { id: deal.id }, data: null, previous: null });
    expect(JSON.stringify(all)).not.toContain("777777");
  });

  it("disables an endpoint whose attempts all failed for three days, tells its owner, and refuses to send until switched on", async () => {
    receiver.respond = (r) => (r.path === "/dead" ? { status: 500 } : {});
    const hook = await endpoint(actors.bob, "/dead");
    await t.db.query(`UPDATE "WebhookEndpoint" SET "failingSince" = now() - interval '3 days 1 hour' WHERE "id" = $1`, [hook.id]);
    const delivery = await sendTestEvent(actors.bob, hook.id);
    const deadline = Date.now() + SLOW_MACHINE_MS;
    let state = await getEndpoint(actors.bob, hook.id);
    while (state.active && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      state = await getEndpoint(actors.bob, hook.id);
    }
    expect(state).toMatchObject({ active: false, disabledAt: expect.any(String), disabledReason: expect.stringContaining("three days") });
    const audit = await t.db.prisma.auditLog.findMany({ where: { entityId: hook.id, action: "webhook.disabled" } });
    expect(audit).toHaveLength(1);
    // The owner's bell says so once, linking to the endpoint; nobody else is told.
    const told = await t.db.prisma.notification.findMany({ where: { webhookId: hook.id } });
    expect(told).toMatchObject([{ recipientId: actors.bob.id, kind: "webhook_disabled", readAt: null }]);
    expect(told[0].title).toContain("/dead");
    const bell = await listNotifications(actors.bob, { unread: true }, { skip: 0, take: 50 });
    expect(bell.rows.find((n) => n.webhookId === hook.id)).toMatchObject({ link: `/settings/webhooks/${hook.id}` });
    // The retry that follows finds the endpoint off and ends the delivery instead of sending.
    await settled(delivery.id, "FAILED");
    expect(receiver.received.filter((r) => r.path === "/dead")).toHaveLength(1);
    await expect(resendDelivery(actors.bob, delivery.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
