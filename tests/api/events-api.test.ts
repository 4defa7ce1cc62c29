// GET /api/v1/events over HTTP against the production build, on each database:
// a client that follows the feed from the start, as a salesperson, while four
// users create, edit, move, hide and delete deals through the API at the same
// time, ends with exactly the opportunities (each in its latest state) that a
// full list gives it; deletions are tombstones and a deal made private reaches
// those who lost it as "opportunity.hidden" (id and type only); filters, bad
// cursors and a cursor older than retention (410) answer as documented.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";
import { seededRandom as random } from "../support/seeded-random";

type Dto = { id: string; version: number } & Record<string, unknown>;
interface FeedEvent {
  id: string;
  type: string;
  cursor: string;
  record: { type: string; id: string };
  actor: { userId: string | null; apiKeyId: string | null };
  data: Dto | null;
  previous: Record<string, unknown> | null;
}

describe.each(availableKinds())("the event feed API on %s", (kind) => {
  let app: AppServer;
  const keys: Record<"admin" | "manager" | "alice" | "bob", string> = { admin: "", manager: "", alice: "", bob: "" };
  const userIds: Record<string, string> = {};
  let openStages: string[];

  const api = (key: string, method: string, path: string, body?: unknown) => call(app.url, method, `/api/v1${path}`, { key, body });

  async function feed(key: string, query: string) {
    const res = await api(key, "GET", `/events${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { data: FeedEvent[]; hasMore: boolean; nextCursor: string };
  }

  /** Reads the feed to its end from `after`; returns the events and the cursor to continue from. */
  async function readAll(key: string, after: string | undefined, types = "") {
    const events: FeedEvent[] = [];
    let cursor = after;
    for (;;) {
      const page = await feed(key, `?limit=200${cursor ? `&after=${cursor}` : ""}${types ? `&types=${types}` : ""}`);
      events.push(...page.data);
      cursor = page.nextCursor;
      if (!page.hasMore) return { events, cursor };
    }
  }

  async function listAll(key: string): Promise<Map<string, Dto>> {
    const out = new Map<string, Dto>();
    let cursor: string | null = null;
    do {
      const res = await api(key, "GET", `/opportunities?limit=100&sort=createdAt${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      for (const o of res.body.data as Dto[]) out.set(o.id, o);
      cursor = res.body.nextCursor;
    } while (cursor);
    return out;
  }

  beforeAll(async () => {
    app = await startAppServer(kind);
    for (const who of Object.keys(keys) as (keyof typeof keys)[]) {
      const cookie = await signInCookie(app.url, `${who}@example.com`);
      keys[who] = (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "feed" } })).body.secret;
    }
    for (const u of (await api(keys.admin, "GET", "/users?limit=100")).body.data as { id: string; email: string }[]) userIds[u.email.split("@")[0]] = u.id;
    const pipelines = (await api(keys.admin, "GET", "/pipelines")).body.data as { isDefault: boolean; stages: { id: string; type: string }[] }[];
    openStages = pipelines.find((p) => p.isDefault)!.stages.filter((s) => s.type === "OPEN").map((s) => s.id);
    // From the start: the demo deals were seeded without events, so they go first (their deletions are tombstones).
    const demo = [...(await listAll(keys.admin)).keys()];
    for (let i = 0; i < demo.length; i += 8) {
      await Promise.all(demo.slice(i, i + 8).map(async (id) => expect((await api(keys.admin, "DELETE", `/opportunities/${id}`)).status).toBe(200)));
    }
  }, 300_000);
  afterAll(() => app?.stop());

  async function writer(who: "admin" | "manager" | "alice" | "bob", seed: number, steps: number) {
    const pick = random(seed);
    const mine: string[] = [];
    for (let i = 0; i < steps; i++) {
      const choice = pick(10);
      const id = mine.length ? mine[pick(mine.length)] : null;
      let res;
      if (!id || choice < 3) {
        res = await api(keys[who], "POST", "/opportunities", {
          title: `${who} ${seed}-${i}`,
          stageId: openStages[pick(openStages.length)],
          amount: `${pick(10_000)}.00`,
          isPrivate: pick(3) === 0,
          memberIds: pick(2) === 0 && who !== "bob" ? [userIds.bob] : [],
        });
        if (res.status === 201) mine.push(res.body.id);
      } else if (choice < 5) res = await api(keys[who], "PATCH", `/opportunities/${id}`, { title: `edit ${seed}-${i}`, amount: `${pick(10_000)}.50` });
      else if (choice < 7) res = await api(keys[who], "POST", `/opportunities/${id}/move`, { stageId: openStages[pick(openStages.length)] });
      else if (choice === 7) res = await api(keys[who], "PATCH", `/opportunities/${id}`, { isPrivate: pick(2) === 0 });
      else if (choice === 8) res = await api(keys[who], "PATCH", `/opportunities/${id}`, { memberIds: pick(2) === 0 && who !== "bob" ? [userIds.bob] : [] });
      else {
        res = await api(keys[who], "DELETE", `/opportunities/${id}`);
        if (res.status === 200) mine.splice(mine.indexOf(id), 1);
      }
      // Refusals the rules allow (a concurrent change: 409) are fine; a server error never is.
      expect(res.status, `${who} step ${i}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
  }

  it("lets a salesperson following the feed from the start reconstruct the same opportunities as a full list, with four concurrent writers", async () => {
    const deals = new Map<string, Dto>();
    let cursor: string | undefined;
    const apply = (events: FeedEvent[]) => {
      for (const e of events) {
        if (e.record.type !== "opportunity") continue;
        if (e.data) {
          const known = deals.get(e.record.id);
          if (!known || known.version <= e.data.version) deals.set(e.record.id, e.data);
        } else deals.delete(e.record.id); // deleted, or hidden from bob
      }
    };
    const poll = async () => {
      const page = await readAll(keys.bob, cursor, "opportunity.*");
      apply(page.events);
      cursor = page.cursor;
    };
    let writing = true;
    const following = (async () => {
      while (writing) {
        await poll();
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const steps = kind === "pglite" ? 20 : 35;
    await Promise.all([writer("alice", 1, steps), writer("bob", 2, steps), writer("manager", 3, steps), writer("admin", 4, steps)]);
    writing = false;
    await following;

    // Events of transactions still finishing become readable a moment later: follow until both agree.
    const listed = await listAll(keys.bob);
    const deadline = Date.now() + 20_000;
    do await poll();
    while ([...deals.keys()].sort().join() !== [...listed.keys()].sort().join() && Date.now() < deadline);
    expect(listed.size).toBeGreaterThan(5);
    expect([...deals.keys()].sort()).toEqual([...listed.keys()].sort());
    for (const [id, dto] of listed) expect(deals.get(id)).toEqual(dto);
    // Bob never received a deal he may not see, and the run did make some.
    const everything = await listAll(keys.admin);
    expect([...everything.values()].some((o) => !listed.has(o.id))).toBe(true);
  }, 300_000);

  it("writes deletions as tombstones and tells who lost sight of a deal made private, with nothing else of it", async () => {
    const { cursor: start } = await readAll(keys.bob, undefined);
    const { cursor: adminStart } = await readAll(keys.admin, undefined);
    const created = await api(keys.alice, "POST", "/opportunities", { title: "Tombstone test", stageId: openStages[0], amount: "4242.42" });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await api(keys.alice, "PATCH", `/opportunities/${id}`, { isPrivate: true, amount: "9191.91" })).status).toBe(200);
    expect((await api(keys.alice, "DELETE", `/opportunities/${id}`)).status).toBe(200);

    const deadline = Date.now() + 15_000;
    let bobs: FeedEvent[] = [];
    while (bobs.length < 2 && Date.now() < deadline) bobs = (await readAll(keys.bob, start)).events.filter((e) => e.record.id === id);
    // Bob saw the creation, then only that the deal left his sight: not the change, not the deletion.
    expect(bobs.map((e) => e.type)).toEqual(["opportunity.created", "opportunity.hidden"]);
    expect(bobs[1]).toMatchObject({ data: null, previous: null, record: { type: "opportunity", id } });
    expect(JSON.stringify(bobs[1])).not.toContain("9191.91");
    expect(bobs[0].data).toMatchObject({ id, title: "Tombstone test", amount: "4242.42" });
    expect(bobs[0].actor).toEqual({ userId: userIds.alice, apiKeyId: expect.any(String) });

    const admins = (await readAll(keys.admin, adminStart)).events.filter((e) => e.record.id === id);
    expect(admins.map((e) => e.type)).toEqual(["opportunity.created", "opportunity.updated", "opportunity.deleted"]);
    expect(admins[1].previous).toMatchObject({ isPrivate: false, amount: "4242.42" });
    expect(admins[2]).toMatchObject({ data: null, previous: null });
    // Ids are unique and the cursors strictly increase.
    expect(new Set(admins.map((e) => e.id)).size).toBe(3);
  });

  it("filters by types and patterns, moves the cursor past what it leaves out, and refuses bad input naming the field", async () => {
    const { cursor } = await readAll(keys.admin, undefined);
    const account = await api(keys.alice, "POST", "/accounts", { name: `Feed Co ${kind}` });
    expect(account.status).toBe(201);
    const o = await api(keys.alice, "POST", "/opportunities", { title: "Filtered", stageId: openStages[0] });
    let only: FeedEvent[] = [];
    const deadline = Date.now() + 15_000;
    let next = cursor;
    while (only.length === 0 && Date.now() < deadline) {
      const page = await feed(keys.admin, `?after=${cursor}&types=account.*`);
      only = page.data;
      next = page.nextCursor;
    }
    expect(only.map((e) => [e.type, e.record.id])).toEqual([["account.created", account.body.id]]);
    // The cursor passed the opportunity's event too, when it was readable: nothing of it comes again with the filter.
    const again = await feed(keys.admin, `?after=${next}&types=account.*`);
    expect(again.data).toEqual([]);
    const opp = (await readAll(keys.admin, cursor, "opportunity.created")).events;
    expect(opp.map((e) => e.record.id)).toContain(o.body.id);

    for (const [query, field] of [
      ["?after=nonsense", "after"],
      ["?after=1.2.3", "after"],
      ["?types=opportunity.exploded", "types"],
      ["?limit=0x10", "limit"],
      ["?limit=5000", "limit"],
      ["?color=red", "color"],
    ]) {
      const res = await api(keys.bob, "GET", `/events${query}`);
      expect(res.status, query).toBe(422);
      expect(Object.keys(res.body.error.fields), query).toEqual([field]);
    }
    expect((await call(app.url, "GET", "/api/v1/events")).status).toBe(401);
  });

  it("refuses webhook URLs on private, loopback and link-local addresses when WEBHOOK_ALLOW_PRIVATE is not set", async () => {
    for (const url of ["http://127.0.0.1:3331/hook", "http://localhost/hook", "http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest", "ftp://example.com/x"]) {
      const res = await api(keys.alice, "POST", "/webhooks", { url, eventTypes: ["*"] });
      expect(res.status, url).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(["url"]);
    }
  });

  it.runIf(kind === "postgres")("answers 410 GONE to a cursor older than what retention deleted", async () => {
    const { cursor } = await readAll(keys.admin, undefined);
    const [xid, seq] = cursor.split(".");
    // Retention ran (its mark is what the feed compares with): the events up to `cursor` are gone.
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await client.query(`INSERT INTO "OutboxCursor" ("name", "xid", "seq", "updatedAt") VALUES ('retention', $1::xid8, $2::bigint, now())
        ON CONFLICT ("name") DO UPDATE SET "xid" = EXCLUDED."xid", "seq" = EXCLUDED."seq"`, [xid, seq]);
    } finally {
      await client.end();
    }
    const gone = await api(keys.bob, "GET", `/events?after=${xid}.${BigInt(seq) - 1n}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe("GONE");
    expect((await api(keys.bob, "GET", `/events?after=${cursor}`)).status).toBe(200);
  });
});
