// Two production servers of the app on ONE PostgreSQL database behind HAProxy
// (round robin, no sticky sessions), checked through the proxy and on each
// instance: sign-in valid on both, the per-key rate limit counted across both,
// an Idempotency-Key replayed by the other instance, a move made through A
// reaching a live stream connected to B within 2 s, jobs claimed once, and
// instance A killed with SIGKILL under load: the proxy routes to B, no
// acknowledged write is lost and the live streams reconnect (Last-Event-ID)
// with every change they had not received. Needs TEST_DATABASE_URL and
// Debian's haproxy (.ci/run installs it).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { expectEventStream, SseReader } from "../support/sse";

const HAPROXY = ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy"].find((p) => fs.existsSync(p));
const PROXY_PORT = Number(process.env.HAPROXY_TEST_PORT ?? 3351);
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
const RATE_LIMIT = 30;

/** The README's proxy settings (section "Run several instances"), for two local instances. */
function haproxyConfig(a: string, b: string): string {
  const hostPort = (url: string) => new URL(url).host;
  return `
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 1h
  timeout server 1h
  timeout http-keep-alive 10s
  timeout tunnel 1h
  option redispatch
  retries 2
  retry-on conn-failure
frontend app
  bind 127.0.0.1:${PROXY_PORT}
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /api/ready
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  server a ${hostPort(a)} check
  server b ${hostPort(b)} check
`;
}

describe.skipIf(!process.env.TEST_DATABASE_URL || !HAPROXY)("two app instances on one PostgreSQL behind HAProxy", () => {
  let a: AppServer;
  let b: AppServer;
  let proxy: ChildProcess;
  let proxyOutput = "";
  let cookies: Record<"alice" | "bob" | "admin", string>;
  const streams: SseReader[] = [];
  let stageIds: string[];

  const key = async (cookie: string, name: string) => {
    const res = await call(PROXY, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: PROXY }, body: { name } });
    expect(res.status).toBe(201);
    return res.body.secret as string;
  };
  async function stream(base: string, cookie: string, headers: Record<string, string> = {}): Promise<{ reader: SseReader; instance: string }> {
    const abort = new AbortController();
    const response = await fetch(`${base}/api/stream`, { headers: { Cookie: cookie, ...headers }, signal: abort.signal });
    expectEventStream(response);
    const reader = new SseReader(response.body!, () => abort.abort());
    streams.push(reader);
    await reader.live();
    return { reader, instance: reader.events[0].data.instance as string };
  }

  beforeAll(async () => {
    const env = { API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), LIVE_HEARTBEAT_MS: "1000" };
    a = await startAppServer("postgres", { ...env, INSTANCE_NAME: "a" });
    b = await startAppServer("postgres", { ...env, INSTANCE_NAME: "b" }, { databaseUrl: a.databaseUrl });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-haproxy-"));
    fs.writeFileSync(path.join(dir, "haproxy.cfg"), haproxyConfig(a.url, b.url));
    proxy = spawn(HAPROXY!, ["-db", "-f", path.join(dir, "haproxy.cfg")], { stdio: ["ignore", "pipe", "pipe"] });
    proxy.stdout!.on("data", (d) => (proxyOutput += d));
    proxy.stderr!.on("data", (d) => (proxyOutput += d));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await fetch(`${PROXY}/api/ready`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline || proxy.exitCode !== null) throw new Error(`HAProxy did not come up:\n${proxyOutput}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    cookies = {
      alice: await signInCookie(PROXY, "alice@example.com"),
      bob: await signInCookie(PROXY, "bob@example.com"),
      admin: await signInCookie(PROXY, "admin@example.com"),
    };
    const k = await key(cookies.alice, "stages");
    const pipelines = (await call(PROXY, "GET", "/api/v1/pipelines", { key: k })).body.data as { id: string; isDefault: boolean }[];
    const stages = (await call(PROXY, "GET", "/api/v1/stages?limit=100", { key: k })).body.data as { id: string; type: string; pipelineId: string }[];
    stageIds = stages.filter((s) => s.type === "OPEN" && s.pipelineId === pipelines.find((p) => p.isDefault)!.id).map((s) => s.id);
  }, 600_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    proxy?.kill("SIGTERM");
    await b?.stop();
    await a?.stop();
  });

  it("answers from both instances in turn, each naming itself in /api/ready", async () => {
    const names = [];
    for (let i = 0; i < 6; i++) names.push((await call(PROXY, "GET", "/api/ready")).body.instance);
    expect(new Set(names)).toEqual(new Set(["a", "b"]));
  });

  it("takes a session signed in through the proxy on either instance", async () => {
    for (const app of [a, b]) {
      const res = await call(app.url, "GET", "/api/board", { cookie: cookies.alice });
      expect(res.status, app.url).toBe(200);
    }
  });

  it("counts one key's requests on both instances against one rate limit", async () => {
    const k = await key(cookies.bob, "rate");
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) statuses.push((await call(i % 2 ? b.url : a.url, "GET", "/api/v1/pipelines", { key: k })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    for (const app of [a, b]) expect((await call(app.url, "GET", "/api/v1/pipelines", { key: k })).status).toBe(429);
  });

  it("replays an Idempotency-Key on the other instance with the first answer, writing once", async () => {
    const k = await key(cookies.alice, "idempotency");
    const body = { title: `Idempotent ${Date.now()}`, stageId: stageIds[0], amount: "12.00" };
    const headers = { "Idempotency-Key": `two-instances-${Date.now()}` };
    const first = await call(a.url, "POST", "/api/v1/opportunities", { key: k, body, headers });
    expect(first.status).toBe(201);
    const second = await call(b.url, "POST", "/api/v1/opportunities", { key: k, body, headers });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body.id).toBe(first.body.id);
    const found = await call(b.url, "GET", `/api/v1/opportunities?q=${encodeURIComponent(body.title)}`, { key: k });
    expect(found.body.data.map((o: { id: string }) => o.id)).toEqual([first.body.id]);
  });

  it("delivers a move made through A to a live stream on B within 2 s", async () => {
    const k = await key(cookies.alice, "move");
    const { reader, instance } = await stream(b.url, cookies.bob);
    expect(instance).toBe("b");
    const deal = (await call(a.url, "POST", "/api/v1/opportunities", { key: k, body: { title: "Across instances", stageId: stageIds[0], amount: "1.00" } })).body;
    await reader.until((r) => r.ids().includes(deal.id), "the created deal");
    const started = Date.now();
    expect((await call(a.url, "POST", `/api/v1/opportunities/${deal.id}/move`, { key: k, body: { stageId: stageIds[1] } })).status).toBe(200);
    await reader.until((r) => r.changes().some((e) => e.data.id === deal.id && e.data.stageId === stageIds[1]), "the move", 2000);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("runs each job once although both instances' workers claim", async () => {
    const db = new pg.Client({ connectionString: a.databaseUrl });
    await db.connect();
    try {
      const tag = `once-${Date.now()}`;
      await db.query(`INSERT INTO "Job" ("kind", "dedupeKey") SELECT 'events.retention', $1 || '-' || g FROM generate_series(1, 40) g`, [tag]);
      const deadline = Date.now() + 60_000;
      let rows: { status: string; attempts: number }[] = [];
      while (Date.now() < deadline) {
        rows = (await db.query(`SELECT "status", "attempts" FROM "Job" WHERE "dedupeKey" LIKE $1 || '-%'`, [tag])).rows;
        if (rows.every((r) => r.status === "DONE")) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(rows).toHaveLength(40);
      expect(rows.every((r) => r.status === "DONE" && r.attempts === 1)).toBe(true);
    } finally {
      await db.end();
    }
  });

  it("loses no acknowledged write when A is killed under load; the live streams reconnect and receive every change", async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, (_, i) => key(cookies.admin, `load-${i}`)));
    // Live streams through the proxy: round robin puts some on each instance.
    const clients = await Promise.all(Array.from({ length: 4 }, () => stream(PROXY, cookies.admin)));
    expect(new Set(clients.map((c) => c.instance))).toEqual(new Set(["a", "b"]));
    const acknowledged: string[] = [];
    const failures: number[] = [];
    let stop = false;
    let n = 0;
    const writer = async (w: number) => {
      while (!stop) {
        const k = keys[n++ % keys.length];
        try {
          const res = await call(PROXY, "POST", "/api/v1/opportunities", { key: k, body: { title: `Load ${w}-${n}`, stageId: stageIds[0], amount: "3.00" } });
          if (res.status === 201) acknowledged.push(res.body.id);
          else failures.push(res.status);
        } catch {
          failures.push(0);
        }
      }
    };
    const writers = [0, 1, 2].map(writer);
    await new Promise((r) => setTimeout(r, 2500));
    await a.kill("SIGKILL");
    const atKill = acknowledged.length;
    await new Promise((r) => setTimeout(r, 4000));
    stop = true;
    await Promise.all(writers);
    expect(atKill).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(atKill);
    // Every acknowledged write is in the database, and B serves one of them (through the proxy: only B is left).
    const db = new pg.Client({ connectionString: b.databaseUrl });
    await db.connect();
    const stored = (await db.query(`SELECT "id" FROM "Opportunity" WHERE "id" = ANY($1::text[])`, [acknowledged])).rows.map((r) => r.id);
    await db.end();
    expect(new Set(stored)).toEqual(new Set(acknowledged));
    expect((await call(PROXY, "GET", `/api/v1/opportunities/${acknowledged[acknowledged.length - 1]}`, { cookie: cookies.admin })).status).toBe(200);
    // The streams A served ended; each reconnects from its last id, through the proxy, to B.
    const received = new Set<unknown>();
    for (const c of clients) {
      if (c.instance === "a") {
        await c.reader.until((r) => r.done, "the stream on A to end");
        const again = await stream(PROXY, cookies.admin, { "Last-Event-ID": c.reader.lastId! });
        expect(again.instance).toBe("b");
        await again.reader.until((r) => acknowledged.every((id) => r.ids().includes(id) || c.reader.ids().includes(id)), "every acknowledged change", 20_000);
        for (const id of [...c.reader.ids(), ...again.reader.ids()]) received.add(id);
      } else {
        await c.reader.until((r) => acknowledged.every((id) => r.ids().includes(id)), "every acknowledged change on B", 20_000);
        for (const id of c.reader.ids()) received.add(id);
      }
    }
    for (const id of acknowledged) expect(received.has(id), id).toBe(true);
    console.log(`many-instances: ${acknowledged.length} writes acknowledged (${atKill} before the kill), ${failures.length} refused or cut: ${JSON.stringify(failures.slice(0, 20))}`);
  });
});
