// The live stream on both databases, called as the route calls it
// (openLiveStream with a Request) and read as a browser reads it: what each
// user receives of changes (never a private deal's id), "<record>.hidden" to
// those who lose sight, resume from Last-Event-ID without loss or repeat, a
// reset for a client too far behind, an ended session cut off, and one bus
// subscription and one outbox read per process however many streams are open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { projectedType } from "@/lib/domain/event-audience";
import type { Actor } from "@/lib/server/auth/actor";
import { projectedTypeSql, viewerOf } from "@/lib/server/events/visibility";
import { liveHub } from "@/lib/server/live/hub";
import { openLiveStream, startPosition } from "@/lib/server/live/stream";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { Prisma } from "@/lib/db/generated/client";
import { demoActors } from "../support/demo-actors";
import { waitForHorizon } from "../support/outbox";
import { expectEventStream, SseReader } from "../support/sse";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

/** A stream opened as the route opens it, read as a browser reads it. */
async function openStream(actor: Actor, headers: Record<string, string> = {}, query = ""): Promise<SseReader> {
  const abort = new AbortController();
  const request = new Request(`http://app.test/api/stream${query}`, { headers, signal: abort.signal });
  const response = await openLiveStream(actor, request, startPosition(request, new URL(request.url)));
  expectEventStream(response);
  const reader = new SseReader(response.body!, () => abort.abort());
  await reader.live();
  return reader;
}

describe.each(availableKinds())("the live stream on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let stages: { id: string }[];
  const open: SseReader[] = [];

  const session = async (actor: Actor): Promise<Actor> => {
    const s = await t.db.prisma.userSession.create({ data: { userId: actor.id } });
    return { ...actor, sessionId: s.id };
  };
  const stream = async (actor: Actor, headers: Record<string, string> = {}, query = "") => {
    const reader = await openStream(actor, headers, query);
    open.push(reader);
    return reader;
  };
  const idsOf = (r: SseReader) => r.ids();

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const pipeline = await t.db.prisma.pipeline.findFirstOrThrow({ where: { isDefault: true } });
    stages = await t.db.prisma.stage.findMany({ where: { pipelineId: pipeline.id, type: "OPEN" }, orderBy: { position: "asc" } });
    await waitForHorizon(t);
  });
  afterAll(async () => {
    for (const r of open) r.close();
    await liveHub().closeAll("test over");
    useDatabase(undefined);
    await t?.drop();
  });

  it("sends each user the changes they may see, and nothing at all of a private deal to others", async () => {
    const [alice, bob, manager] = [await session(actors.alice), await session(actors.bob), await session(actors.manager)];
    const [a, b, m] = [await stream(alice), await stream(bob), await stream(manager)];
    const open1 = await createOpportunity(actors.alice, { title: "Live public", stageId: stages[0].id, amount: "10.00" });
    const secret = await createOpportunity(actors.alice, { title: "Live secret", stageId: stages[0].id, amount: "20.00", isPrivate: true });
    await moveOpportunity(actors.alice, { opportunityId: secret.id, stageId: stages[1].id });
    await moveOpportunity(actors.alice, { opportunityId: open1.id, stageId: stages[1].id });
    await a.until((r) => r.changes().length >= 4, "alice's four changes");
    await m.until((r) => r.changes().length >= 4, "the manager's four changes");
    await b.until((r) => r.changes().length >= 2, "bob's two changes");
    expect(a.changes().map((e) => [e.data.type, e.data.id])).toEqual([
      ["opportunity.created", open1.id],
      ["opportunity.created", secret.id],
      ["opportunity.stage_changed", secret.id],
      ["opportunity.stage_changed", open1.id],
    ]);
    expect(a.changes()[3].data).toMatchObject({ recordType: "opportunity", stageId: stages[1].id, pipelineId: open1.pipelineId, version: 2 });
    expect(idsOf(m)).toEqual(idsOf(a));
    expect(idsOf(b)).toEqual([open1.id, open1.id]);
    // Not even the id, anywhere in what bob received (ids, comments, heartbeats).
    expect(b.raw).not.toContain(secret.id);
  });

  it("sends opportunity.hidden (id only) to who lost sight when a deal is made private, and nothing more after", async () => {
    const [alice, bob] = [await session(actors.alice), await session(actors.bob)];
    const b = await stream(bob);
    const a = await stream(alice);
    const deal = await createOpportunity(actors.alice, { title: "Soon private", stageId: stages[0].id, amount: "30.00" });
    await updateOpportunity(actors.alice, deal.id, { isPrivate: true });
    await moveOpportunity(actors.alice, { opportunityId: deal.id, stageId: stages[2].id });
    await a.until((r) => r.changes().length >= 3, "alice's three changes");
    await b.until((r) => r.changes().length >= 2, "bob's tombstone");
    await new Promise((r) => setTimeout(r, 300));
    expect(b.changes().map((e) => e.data)).toEqual([
      expect.objectContaining({ type: "opportunity.created", id: deal.id }),
      { type: "opportunity.hidden", recordType: "opportunity", id: deal.id },
    ]);
    expect(a.changes().map((e) => e.data.type)).toEqual(["opportunity.created", "opportunity.updated", "opportunity.stage_changed"]);
  });

  it("resumes after a drop from Last-Event-ID: every change made meanwhile once, in order, none twice", async () => {
    const bob = await session(actors.bob);
    const first = await stream(bob);
    const deal = await createOpportunity(actors.alice, { title: "Resumed", stageId: stages[0].id, amount: "40.00" });
    await first.until((r) => idsOf(r).includes(deal.id), "the created deal");
    const last = first.lastId!;
    first.close();
    await moveOpportunity(actors.alice, { opportunityId: deal.id, stageId: stages[1].id });
    await moveOpportunity(actors.alice, { opportunityId: deal.id, stageId: stages[2].id });
    const secret = await createOpportunity(actors.alice, { title: "Hidden meanwhile", stageId: stages[0].id, amount: "1.00", isPrivate: true });
    await waitForHorizon(t);
    const again = await stream(bob, { "Last-Event-ID": last });
    await moveOpportunity(actors.alice, { opportunityId: deal.id, stageId: stages[0].id });
    await again.until((r) => r.changes().length >= 3, "the three moves");
    await new Promise((r) => setTimeout(r, 300));
    expect(again.changes().map((e) => [e.data.type, e.data.stageId])).toEqual([
      ["opportunity.stage_changed", stages[1].id],
      ["opportunity.stage_changed", stages[2].id],
      ["opportunity.stage_changed", stages[0].id],
    ]);
    expect(again.raw).not.toContain(secret.id);
    // `?after=` (the page's position) works alike; Last-Event-ID wins over it.
    const fromPage = await stream(bob, {}, `?after=${last}`);
    await fromPage.until((r) => r.changes().length >= 3, "the catch-up from ?after");
  });

  it("tells a client whose position retention deleted to reload (event: reset), then follows", async () => {
    const bob = await session(actors.bob);
    await waitForHorizon(t);
    await t.db.query(
      `INSERT INTO "OutboxCursor" ("name", "xid", "seq", "updatedAt") SELECT 'retention', "xid"::text, "seq", now() FROM "Event" ORDER BY "xid" DESC, "seq" DESC LIMIT 1`,
      [],
    );
    try {
      const r = await stream(bob, { "Last-Event-ID": "1.1" });
      expect(r.events.map((e) => e.event)).toEqual(["hello", "reset", "live"]);
      const deal = await createOpportunity(actors.alice, { title: "After reset", stageId: stages[0].id, amount: "1.00" });
      await r.until((x) => idsOf(x).includes(deal.id), "the change after the reset");
    } finally {
      await t.db.query(`DELETE FROM "OutboxCursor" WHERE "name" = 'retention'`, []);
    }
  });

  it("refuses a malformed Last-Event-ID or after naming the field", () => {
    const request = new Request("http://app.test/api/stream?after=x", { headers: { "Last-Event-ID": "1.2.3" } });
    expect(() => startPosition(request, new URL(request.url))).toThrow(expect.objectContaining({ code: "VALIDATION", fields: { "Last-Event-ID": expect.any(String) } }));
    const second = new Request("http://app.test/api/stream?after=-1");
    expect(() => startPosition(second, new URL(second.url))).toThrow(expect.objectContaining({ code: "VALIDATION", fields: { after: expect.any(String) } }));
  });

  it("cuts off a stream whose session ended, at the next change", async () => {
    const bob = await session(actors.bob);
    const r = await stream(bob);
    await t.db.prisma.userSession.delete({ where: { id: bob.sessionId } });
    await createOpportunity(actors.alice, { title: "After sign-out", stageId: stages[0].id, amount: "1.00" });
    await r.until((x) => x.done, "the stream to end");
    expect(r.raw).not.toContain("After sign-out");
    expect(r.changes()).toEqual([]);
  });

  it("reads the outbox once per batch and keeps one bus subscription for many streams", async () => {
    await liveHub().closeAll("a fresh hub for this test");
    const bob = await session(actors.bob);
    const listens: string[] = [];
    let batchReads = 0;
    const [listen, query] = [t.db.listen.bind(t.db), t.db.query.bind(t.db)];
    t.db.listen = (channel, sub) => {
      listens.push(channel);
      return listen(channel, sub);
    };
    t.db.query = ((text: string, values: unknown[], name?: string) => {
      if (text.includes('"priorVisibleTo"') && text.includes("pg_snapshot_xmin")) batchReads++;
      return query(text, values, name);
    }) as typeof t.db.query;
    try {
      const readers = await Promise.all(Array.from({ length: 30 }, () => stream(bob)));
      batchReads = 0;
      const deal = await createOpportunity(actors.alice, { title: "Fan-out", stageId: stages[0].id, amount: "1.00" });
      for (const r of readers) await r.until((x) => idsOf(x).includes(deal.id), "each stream's change");
      expect(listens).toEqual(["pcrm_events"]);
      // One read on the notice (and maybe one poll meanwhile), not one per stream.
      expect(batchReads).toBeGreaterThan(0);
      expect(batchReads).toBeLessThan(5);
    } finally {
      t.db.listen = listen;
      t.db.query = query;
    }
  });

  it("decides who receives what as the feed's SQL does, for every audience", async () => {
    const users = ["u1", "u2"];
    const cases = [];
    for (const isPrivate of [false, true])
      for (const visibleTo of [[], ["u1"], ["u1", "u2"]])
        for (const priorPrivate of [null, false, true])
          for (const priorVisibleTo of [[], ["u1"], ["u2"]])
            cases.push({ type: "opportunity.updated", recordType: "opportunity", isPrivate, visibleTo, priorPrivate, priorVisibleTo });
    for (const userId of users)
      for (const everything of [false, true]) {
        const actor: Actor = { id: userId, email: "x", name: "x", role: everything ? "MANAGER" : "SALES" };
        for (const c of cases) {
          const [row] = await t.db.prisma.$queryRaw<{ t: string | null }[]>(Prisma.sql`SELECT ${projectedTypeSql(viewerOf(actor), "e")} AS "t" FROM (SELECT
            ${c.type}::text AS "type", ${c.recordType}::text AS "recordType", ${c.isPrivate}::boolean AS "isPrivate",
            ${c.visibleTo}::text[] AS "visibleTo", ${c.priorPrivate}::boolean AS "priorPrivate", ${c.priorVisibleTo}::text[] AS "priorVisibleTo") e`);
          expect(projectedType({ userId, seesEverything: everything }, c), JSON.stringify({ userId, everything, c })).toBe(row.t);
        }
      }
  });
});
