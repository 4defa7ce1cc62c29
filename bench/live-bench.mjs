// Live updates across instances (issue 20): two production servers (A and B)
// on one PostgreSQL database; bob's live stream (GET /api/stream) is connected
// to B, alice moves one deal BENCH_MOVES times through A's REST API, one move at
// a time, and each move's latency is measured from the moment its request is
// sent until B's stream delivers the change (the browser's EventSource would
// receive it then; rendering is not counted). Then B's memory (RSS) with
// BENCH_IDLE_STREAMS idle streams open. Prints one JSON object.
//   node bench/live-bench.mjs   (BENCH_MOVES=200, BENCH_IDLE_STREAMS=500)
// Ports 3352 and 3353 (BENCH_PORT_A, BENCH_PORT_B); database crm_live_bench.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { nextStartArgs } from "../scripts/next-start-args.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "crm_live_bench";
const PORTS = [Number(process.env.BENCH_PORT_A ?? 3352), Number(process.env.BENCH_PORT_B ?? 3353)];
const MOVES = Number(process.env.BENCH_MOVES ?? 200);
const IDLE_STREAMS = Number(process.env.BENCH_IDLE_STREAMS ?? 500);

const dbUrl = () => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
};

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function start(name, port) {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", ...nextStartArgs(port, "127.0.0.1")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: dbUrl(), SEED_DEMO: "true", AUTH_SECRET: "live-bench-secret-live-bench-secret-0123", INSTANCE_NAME: name, LOG_LEVEL: "warn", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "crm-live-")) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function ready(url) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (await fetch(`${url}/api/ready`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not become ready`);
}

const cookiesOf = (res) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
async function signIn(url, email) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = cookiesOf(csrf);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "demo-pass-2026", callbackUrl: "/" }),
  });
  return [...jar, ...cookiesOf(res).filter((c) => c.startsWith("authjs.session-token="))].join("; ");
}

async function json(url, method, pathName, { key, cookie, body } = {}) {
  const headers = { "Content-Type": "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (cookie) Object.assign(headers, { Cookie: cookie, Origin: url });
  const res = await fetch(url + pathName, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (res.status >= 300) throw new Error(`${method} ${pathName}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** An SSE client: calls onEvent(data) for each change; resolves once the stream is live. */
async function openStream(url, cookie, onEvent = () => {}) {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/stream`, { headers: { Cookie: cookie }, signal: abort.signal });
  if (res.status !== 200) throw new Error(`stream: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let live;
  const isLive = new Promise((r) => (live = r));
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes("event: live")) live();
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (data && !frame.includes("event: ")) onEvent(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      // closed
    }
  })();
  await isLive;
  return () => abort.abort();
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
const cpuTicks = (pid) => fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ").slice(11, 13).reduce((a, b) => a + Number(b), 0);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  if (spawnSync(process.execPath, ["scripts/run.mjs", "ensure-build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) throw new Error("build failed");
  await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${DB_NAME}"`);
  const a = start("a", PORTS[0]);
  await ready(a.url);
  const b = start("b", PORTS[1]);
  await ready(b.url);
  try {
    const aliceCookie = await signIn(a.url, "alice@example.com");
    const key = (await json(a.url, "POST", "/api/v1/api-keys", { cookie: aliceCookie, body: { name: "live-bench" } })).secret;
    const pipelines = (await json(a.url, "GET", "/api/v1/pipelines", { key })).data;
    const stages = (await json(a.url, "GET", "/api/v1/stages?limit=100", { key })).data.filter((s) => s.type === "OPEN" && s.pipelineId === pipelines.find((p) => p.isDefault).id);
    const deal = await json(a.url, "POST", "/api/v1/opportunities", { key, body: { title: "Live bench", stageId: stages[0].id, amount: "1.00" } });
    const bobCookie = await signIn(b.url, "bob@example.com");
    const waiting = new Map();
    const close = await openStream(b.url, bobCookie, (e) => {
      if (e.id === deal.id && waiting.has(e.version)) waiting.get(e.version)(performance.now());
    });
    const total = [];
    const afterAck = [];
    let version = deal.version;
    for (let i = 0; i < MOVES; i++) {
      version += 1;
      const seen = new Promise((r) => waiting.set(version, r));
      const t0 = performance.now();
      await json(a.url, "POST", `/api/v1/opportunities/${deal.id}/move`, { key, body: { stageId: stages[(i + 1) % 2].id } });
      const acked = performance.now();
      const at = await Promise.race([seen, new Promise((r) => setTimeout(() => r(null), 10_000))]);
      if (at === null) throw new Error(`move ${i} did not reach B within 10 s`);
      total.push(at - t0);
      afterAck.push(Math.max(0, at - acked));
    }
    close();
    total.sort((x, y) => x - y);
    afterAck.sort((x, y) => x - y);

    await new Promise((r) => setTimeout(r, 2000));
    const before = rssMb(b.child.pid);
    const closers = [];
    for (let i = 0; i < IDLE_STREAMS; i += 50) closers.push(...(await Promise.all(Array.from({ length: Math.min(50, IDLE_STREAMS - i) }, () => openStream(b.url, bobCookie)))));
    await new Promise((r) => setTimeout(r, 5000));
    const ticks0 = cpuTicks(b.child.pid);
    await new Promise((r) => setTimeout(r, 10_000));
    const idleCpu = ((cpuTicks(b.child.pid) - ticks0) / 100 / 10) * 100;
    const withStreams = rssMb(b.child.pid);
    for (const c of closers) c();
    const round = (x) => Math.round(x * 10) / 10;
    console.log(JSON.stringify({
      moves: MOVES,
      moveToOtherInstanceStreamMs: { p50: round(pct(total, 50)), p95: round(pct(total, 95)), max: round(total[total.length - 1]) },
      afterTheMoveAnsweredMs: { p50: round(pct(afterAck, 50)), p95: round(pct(afterAck, 95)) },
      idleStreams: IDLE_STREAMS,
      rssMbBefore: round(before),
      rssMbWithStreams: round(withStreams),
      kbPerStream: round(((withStreams - before) * 1024) / IDLE_STREAMS),
      cpuPercentWithIdleStreams: round(idleCpu),
      loadAverage: os.loadavg().map(round),
    }, null, 2));
  } finally {
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 3000));
    await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
