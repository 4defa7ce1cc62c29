// The outbox on both databases: events are written with their change or not at
// all, notified on commit only, read in order with a cursor that never passes
// an event still to commit, filtered by what the reader may see, and retained
// for the configured time.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/server/auth/actor";
import { onEvents, type EventNotice } from "@/lib/server/bus";
import { readFeed } from "@/lib/server/events/feed";
import { deleteExpired } from "@/lib/server/events/retention";
import { EVERYONE, eventValuesSql, insertEventsSql, recordEvents, type EventRecord } from "@/lib/server/events/write";
import { AppError } from "@/lib/server/errors";
import { waitForHorizon } from "../support/outbox";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const actor = (id: string, role: Actor["role"] = "SALES"): Actor => ({ id, email: `${id}@x.test`, name: id, role });
const alice = actor("alice");
const bob = actor("bob");
const manager = actor("manager", "MANAGER");
const system = { userId: "alice", apiKeyId: null };

function event(recordId: string, extra: Partial<EventRecord> = {}): EventRecord {
  return {
    type: "account.updated",
    recordType: "account",
    recordId,
    data: { id: recordId, name: `Account ${recordId}` },
    audience: { isPrivate: false, visibleTo: [] },
    actor: system,
    at: new Date(),
    ...extra,
  };
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

describe.each(availableKinds())("the outbox on %s", (kind) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  /**
   * The feed once every event written so far is readable: on a shared PostgreSQL server
   * another session's open transaction holds the horizon back for a moment.
   */
  const settled = () => waitForHorizon(t);
  const feed = async (reader: Actor, after?: string, types?: string[]) => {
    await settled();
    return readFeed(reader, { after, types, limit: 100 });
  };
  const head = async (reader: Actor = manager) => (await feed(reader)).nextCursor;

  it("writes events inside the caller's transaction: committed ones are read, rolled-back ones never exist", async () => {
    const start = await head();
    await t.db.prisma.$transaction((tx) => recordEvents(tx, [event("a1"), event("a2", { type: "account.created" })]));
    await t.db.prisma
      .$transaction(async (tx) => {
        await recordEvents(tx, [event("rolled-back")]);
        throw new Error("the change fails after its event was written");
      })
      .catch(() => {});
    const page = await feed(manager, start);
    expect(page.data.map((e) => [e.type, e.record.id])).toEqual([
      ["account.updated", "a1"],
      ["account.created", "a2"],
    ]);
    expect(await t.db.prisma.event.count({ where: { recordId: "rolled-back" } })).toBe(0);
    const [first] = page.data;
    expect(first).toMatchObject({ record: { type: "account", id: "a1" }, actor: { userId: "alice", apiKeyId: null }, data: { id: "a1", name: "Account a1" } });
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(page.nextCursor).toBe(page.data[1].cursor);
  });

  it("writes one event per row inside a single statement (the form the opportunity writes use)", async () => {
    const start = await head();
    const statement = Prisma.sql`
      WITH rows AS (SELECT * FROM (VALUES ('r1', 'One'), ('r2', 'Two')) AS v("id", "name")),
      events AS (${insertEventsSql({
        type: "account.created",
        recordType: "account",
        from: Prisma.sql`rows r`,
        recordId: Prisma.sql`r."id"`,
        data: Prisma.sql`json_build_object('id', r."id", 'name', r."name")`,
        audience: EVERYONE,
        actor: { userId: "bob", apiKeyId: "key-1" },
        at: new Date(),
      })} RETURNING 1)
      SELECT count(*)::int AS "n" FROM events`;
    const [row] = await t.db.query<{ n: number }>(statement.text, statement.values);
    expect(Number(row.n)).toBe(2);
    const page = await feed(bob, start);
    expect(page.data.map((e) => e.data)).toEqual([
      { id: "r1", name: "One" },
      { id: "r2", name: "Two" },
    ]);
    expect(page.data[0].actor).toEqual({ userId: "bob", apiKeyId: "key-1" });
  });

  it("notifies listeners when the transaction commits, never for one rolled back", async () => {
    const heard: EventNotice[] = [];
    const stop = await onEvents((n) => n && heard.push(n), t.db);
    try {
      await t.db.prisma.$transaction(async (tx) => {
        await recordEvents(tx, [event("notified")]);
        await new Promise((r) => setTimeout(r, 50));
        expect(heard.filter((n) => n.recordId === "notified")).toEqual([]); // not before the commit
      });
      await t.db.prisma.$transaction(async (tx) => recordEvents(tx, [event("never")])).then(() => {}); // committed
      await t.db.prisma
        .$transaction(async (tx) => {
          await recordEvents(tx, [event("rolled-back-notice")]);
          throw new Error("rollback");
        })
        .catch(() => {});
      await waitFor(() => heard.some((n) => n.recordId === "never"));
      expect(heard.map((n) => n.recordId)).toEqual(["notified", "never"]);
      expect(heard[0]).toMatchObject({ type: "account.updated", recordType: "account" });
      expect(Object.keys(heard[0]).sort()).toEqual(["recordId", "recordType", "seq", "type"]);
    } finally {
      await stop();
    }
  });

  it("shows a private event only to its audience, managers and admins; a narrowed one as a tombstone to who lost it", async () => {
    const start = await head();
    const deal = (id: string, extra: Partial<EventRecord>) => event(id, { type: "opportunity.updated", recordType: "opportunity", ...extra });
    await t.db.prisma.$transaction((tx) =>
      recordEvents(tx, [
        deal("public", {}),
        deal("alices-private", { audience: { isPrivate: true, visibleTo: ["alice"] } }),
        // made private by alice: bob could see it before, now only alice can
        deal("made-private", { audience: { isPrivate: true, visibleTo: ["alice"] }, priorAudience: { isPrivate: false, visibleTo: [] }, previous: { isPrivate: false } }),
        event("deleted-private", { type: "opportunity.deleted", recordType: "opportunity", data: null, audience: { isPrivate: true, visibleTo: ["alice"] } }),
      ]),
    );
    const seen = async (reader: Actor) => (await feed(reader, start)).data.map((e) => `${e.type}:${e.record.id}:${e.data ? "data" : "none"}`);
    expect(await seen(alice)).toEqual([
      "opportunity.updated:public:data",
      "opportunity.updated:alices-private:data",
      "opportunity.updated:made-private:data",
      "opportunity.deleted:deleted-private:none",
    ]);
    expect(await seen(bob)).toEqual(["opportunity.updated:public:data", "opportunity.hidden:made-private:none"]);
    expect(await seen(manager)).toEqual(await seen(alice));
    const hidden = (await feed(bob, start)).data[1];
    expect(hidden.previous).toBeNull();
    expect(await seen(actor("carol"))).toEqual(["opportunity.updated:public:data", "opportunity.hidden:made-private:none"]);
  });

  it("filters by type and pattern, and moves the cursor past what the reader does not receive", async () => {
    const start = await head();
    await t.db.prisma.$transaction((tx) =>
      recordEvents(tx, [event("c1", { type: "contact.created", recordType: "contact" }), event("x1"), event("p1", { audience: { isPrivate: true, visibleTo: ["alice"] } })]),
    );
    const contacts = await feed(bob, start, ["contact.*"]);
    expect(contacts.data.map((e) => e.record.id)).toEqual(["c1"]);
    const accounts = await feed(bob, start, ["account.updated"]);
    expect(accounts.data.map((e) => e.record.id)).toEqual(["x1"]);
    // Nothing more for bob, yet his cursor stands after the private event he never receives.
    expect(accounts.nextCursor).toBe(await head(manager));
    expect((await feed(bob, accounts.nextCursor)).data).toEqual([]);
  });

  it("pages with hasMore and refuses malformed cursors naming the field", async () => {
    const start = await head();
    await t.db.prisma.$transaction((tx) => recordEvents(tx, Array.from({ length: 5 }, (_, i) => event(`page-${i}`))));
    await settled();
    const first = await readFeed(bob, { after: start, limit: 2 });
    expect(first.hasMore).toBe(true);
    const second = await readFeed(bob, { after: first.nextCursor, limit: 2 });
    const third = await readFeed(bob, { after: second.nextCursor, limit: 2 });
    expect([...first.data, ...second.data, ...third.data].map((e) => e.record.id)).toEqual(["page-0", "page-1", "page-2", "page-3", "page-4"]);
    expect(third.hasMore).toBe(false);
    for (const bad of ["abc", "1", "1.2.3", "99999999999999999999999.1", "-1.2", "1.9223372036854775808"]) {
      const error = await readFeed(bob, { after: bad, limit: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toHaveProperty("after");
    }
  });

  it("deletes events past the retention period and answers GONE for a cursor before the cut", async () => {
    const start = await head();
    const old = new Date(Date.now() - 40 * 86_400_000);
    await t.db.prisma.$transaction((tx) => recordEvents(tx, [event("old-1", { at: old }), event("old-2", { at: old })]));
    const afterOld = (await feed(manager, start)).nextCursor;
    await t.db.prisma.$transaction((tx) => recordEvents(tx, [event("recent")]));
    const result = await deleteExpired(t.db, 30);
    expect(result.events).toBeGreaterThanOrEqual(2);
    expect(await t.db.prisma.event.count({ where: { recordId: { in: ["old-1", "old-2"] } } })).toBe(0);
    const error = await feed(manager, start).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("GONE");
    expect((await feed(manager, afterOld)).data.map((e) => e.record.id)).toEqual(["recent"]);
    expect((await feed(manager)).data.map((e) => e.record.id)).toContain("recent"); // no cursor: whatever is kept
  });

  it("builds the INSERT of no events as nothing at all", () => {
    expect(eventValuesSql([])).toBeNull();
  });

  it.runIf(kind === "postgres")("never lets a cursor pass an event of a transaction still running, even one that started writing first", async () => {
    const start = await head();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${t.name}`;
    const slow = new pg.Client({ connectionString: url.toString() });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      const e = eventValuesSql([event("slow")])!;
      await slow.query(e.text, e.values); // its xid is taken now, before the quick one's
      await t.db.prisma.$transaction((tx) => recordEvents(tx, [event("quick")]));
      const during = await readFeed(manager, { after: start, limit: 100 });
      expect(during.data).toEqual([]); // "quick" is committed but comes after "slow", which may still commit
      expect(during.nextCursor).toBe(start);
      await slow.query("COMMIT");
      const after = await feed(manager, during.nextCursor);
      expect(after.data.map((x) => x.record.id)).toEqual(["slow", "quick"]);
    } finally {
      await slow.end();
    }
  });
});
