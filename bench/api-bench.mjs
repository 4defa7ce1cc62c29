// REST API benchmark (issue 8): autocannon with 16 connections against
//   - the trivial route: GET /api/live of the same production server (a Next.js
//     route handler that answers a constant JSON object: routing, no auth, no database);
//   - the raw node + pg reference (bench/raw-node-pg.mjs) on the same database;
//   - GET /api/v1/opportunities/{id}, GET /api/v1/opportunities?limit=50,
//     PATCH /api/v1/opportunities/{id}, POST /api/v1/opportunities and
//     POST /api/v1/opportunities/{id}/move, authenticated with an API key.
// It recreates a PostgreSQL database with the demo data, starts `next start` on
// it (the production build must exist or is built first), creates a key for
// alice (SALES: the visibility filter applies) and prints one table.
//   node bench/api-bench.mjs   (BENCH_DURATION=10 s per run, BENCH_ROUNDS=1, BENCH_CONNECTIONS=16)
// BENCH_ONLY=<regex> runs the matching scenarios only (the trivial route always runs);
// BENCH_PROFILE=<dir> writes the app server's V8 CPU profile there when it stops.
// BENCH_WEBHOOKS=<n> gives alice n webhook endpoints for every event, on a local
// receiver answering 200 (issue 18: the cost of writing and delivering events).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { nextStartArgs } from "../scripts/next-start-args.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = process.env.BENCH_DB ?? "crm_api_bench";
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3302);
const RAW_PORT = Number(process.env.BENCH_RAW_PORT ?? 3399);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 0);
const RECEIVER_PORT = Number(process.env.BENCH_RECEIVER_PORT ?? 3398);
const APP = `http://127.0.0.1:${APP_PORT}`;
const RAW = `http://127.0.0.1:${RAW_PORT}`;

const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB_NAME}` }).toString();

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function start(args, env, name) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr.on("data", (d) => (errors = (errors + d).slice(-4000)));
  child.on("exit", (code) => code && code !== 143 && console.error(`${name} exited with ${code}\n${errors}`));
  return child;
}

async function waitFor(url, child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 120 s`);
}

const cookiesOf = (response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in through Auth.js like a browser, then creates an API key with that session. */
async function apiKeyFor(email) {
  const csrf = await fetch(`${APP}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = cookiesOf(csrf);
  const signIn = await fetch(`${APP}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "demo-pass-2026", callbackUrl: "/" }),
  });
  const cookie = [...jar, ...cookiesOf(signIn)].join("; ");
  const created = await fetch(`${APP}/api/v1/api-keys`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: APP, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "api-bench" }),
  });
  if (created.status !== 201) throw new Error(`creating an API key failed: ${created.status} ${await created.text()}`);
  return (await created.json()).secret;
}

async function json(url, key) {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Requests rotate over `ids` so that writes do not all queue on one row lock. */
function rotating(method, pathOf, ids, body) {
  let n = 0;
  return [
    {
      method,
      setupRequest(req) {
        const id = ids[n++ % ids.length];
        return { ...req, path: pathOf(id), ...(body ? { body: JSON.stringify(body(n)) } : {}) };
      },
    },
  ];
}

// CPU seconds used by a process (utime + stime), from /proc: a cost per request
// that other load on the machine does not change much, unlike req/s.
const TICKS = 100;
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0; // the process ended
  }
}

/** CPU of the PostgreSQL backends serving the bench database, by pid. */
async function backendCpu(monitor) {
  const { rows } = await monitor.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [DB_NAME]);
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
}

/**
 * Puts the database back to the demo data's size before every run: the create
 * runs add thousands of deals, which every later list and count would scan, and
 * this machine's PostgreSQL runs without autovacuum, so dead rows and stale
 * statistics would pile up too. Not measured.
 */
async function tidy(monitor) {
  await monitor.query(`DELETE FROM "Opportunity" WHERE "title" LIKE 'Benchmark deal %'`);
  await monitor.query("VACUUM ANALYZE");
}

/** The refusals seen, by run, status and body, printed at the end: a non-2xx is a defect to explain. */
const refusals = new Map();

/** The run's requests (one plain request when it has none) with every non-2xx answer recorded. */
function recordingRefusals(name, requests = [{}]) {
  const onResponse = (status, text) => {
    if (status < 300) return;
    const what = `${name}: ${status} ${text.slice(0, 300)}`;
    refusals.set(what, (refusals.get(what) ?? 0) + 1);
  };
  return requests.map((request) => ({ ...request, onResponse }));
}

async function run(name, serverPid, monitor, options) {
  const base = { connections: CONNECTIONS, pipelining: 1, ...options, requests: recordingRefusals(name, options.requests) };
  await tidy(monitor);
  await autocannon({ ...base, duration: WARMUP });
  const load = os.loadavg()[0];
  const appBefore = cpuSeconds(serverPid);
  const dbBefore = await backendCpu(monitor);
  const r = await autocannon({ ...base, duration: DURATION });
  const app = cpuSeconds(serverPid) - appBefore;
  let db = 0;
  for (const [pid, after] of await backendCpu(monitor)) db += after - (dbBefore.get(pid) ?? 0);
  const n = Math.max(1, r.requests.total);
  const bad = r.non2xx + r.errors + r.timeouts;
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad, load, appMs: (app * 1000) / n, dbMs: (db * 1000) / n };
}

const children = [];
try {
  const built = spawnSync(process.execPath, ["scripts/run.mjs", "ensure-build"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) throw new Error("the production build failed");
  await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${DB_NAME}"`);

  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const app = start([...profile, "node_modules/next/dist/bin/next", ...nextStartArgs(APP_PORT, "127.0.0.1")], {
    NODE_ENV: "production",
    DATABASE_URL: dbUrl,
    SEED_DEMO: "true",
    AUTH_SECRET: "api-bench-secret-api-bench-secret-0123",
    // The limit must not answer 429 during the run; every request is still counted.
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    WEBHOOK_ALLOW_PRIVATE: "true",
  }, "next start");
  children.push(app);
  const raw = start(["bench/raw-node-pg.mjs"], { RAW_DATABASE_URL: dbUrl, RAW_PORT: String(RAW_PORT) }, "raw reference");
  children.push(raw);
  await waitFor(`${APP}/api/ready`, app);
  await waitFor(`${RAW}/health`, raw);

  const key = await apiKeyFor("alice@example.com");
  const auth = { Authorization: `Bearer ${key}` };
  const alice = (await json(`${APP}/api/v1/users?q=alice`, key)).data[0];
  let delivered = 0;
  if (WEBHOOKS > 0) {
    const receiver = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        delivered += 1;
        res.end("ok");
      });
    });
    await new Promise((r) => receiver.listen(RECEIVER_PORT, "127.0.0.1", r));
    children.push({ kill: () => receiver.close() });
    for (let i = 0; i < WEBHOOKS; i++) {
      const res = await fetch(`${APP}/api/v1/webhooks`, { method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ url: `http://127.0.0.1:${RECEIVER_PORT}/hook${i}`, eventTypes: ["*"] }) });
      if (!res.ok) throw new Error(`POST /api/v1/webhooks: ${res.status} ${await res.text()}`);
    }
  }
  const own = (await json(`${APP}/api/v1/opportunities?ownerId=${alice.id}&limit=100`, key)).data.map((o) => o.id);
  const visible = (await json(`${APP}/api/v1/opportunities?limit=100`, key)).total;
  // Moves rotate alice's open deals in one pipeline over its open stages (never to Won or Lost).
  const pipeline = (await json(`${APP}/api/v1/pipelines`, key)).data.find((p) => p.stages.some((s) => s.type === "OPEN"));
  const openStages = pipeline.stages.filter((s) => s.type === "OPEN").map((s) => s.id);
  const movable = (await json(`${APP}/api/v1/opportunities?ownerId=${alice.id}&pipelineId=${pipeline.id}&status=OPEN&limit=100`, key)).data.map((o) => o.id);
  console.log(`alice (SALES) sees ${visible} opportunities and owns ${own.length}; ${WEBHOOKS} webhook endpoint(s); ${CONNECTIONS} connections, ${DURATION} s per run after ${WARMUP} s of warm-up, ${ROUNDS} round(s), medians`);

  const monitor = new pg.Client({ connectionString: dbUrl });
  await monitor.connect();
  const patchBody = (n) => ({ description: `Benchmark edit ${n}` });
  const createBody = (ownerId) => (n) => ({ title: `Benchmark deal ${n}`, stageId: openStages[n % openStages.length], amount: "1250.00", ...(ownerId ? { ownerId } : {}) });
  // A move to the end of another open stage (the column's last card is looked up by the service).
  const moveBody = (n) => ({ stageId: openStages[n % openStages.length] });
  const jsonHeaders = { ...auth, "Content-Type": "application/json" };
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  const scenarios = [
    () => run("trivial route (GET /api/live)", app.pid, monitor, { url: `${APP}/api/live` }),
    () => run("raw node+pg: GET one", raw.pid, monitor, { url: RAW, requests: rotating("GET", (id) => `/opportunities/${id}`, own) }),
    () => run("raw node+pg: list of 50", raw.pid, monitor, { url: `${RAW}/opportunities?limit=50` }),
    () => run("raw node+pg: PATCH", raw.pid, monitor, { url: RAW, headers: { "Content-Type": "application/json" }, requests: rotating("PATCH", (id) => `/opportunities/${id}`, own, patchBody) }),
    () => run("API: GET /users/{id} (auth + 1 read)", app.pid, monitor, { url: APP, headers: auth, requests: rotating("GET", (id) => `/api/v1/users/${id}`, [alice.id]) }),
    () => run("API: GET /opportunities/{id}", app.pid, monitor, { url: APP, headers: auth, requests: rotating("GET", (id) => `/api/v1/opportunities/${id}`, own) }),
    () => run("API: GET /opportunities?limit=50", app.pid, monitor, { url: `${APP}/api/v1/opportunities?limit=50`, headers: auth }),
    () => run("API: PATCH /opportunities/{id}", app.pid, monitor, { url: APP, headers: jsonHeaders, requests: rotating("PATCH", (id) => `/api/v1/opportunities/${id}`, own, patchBody) }),
    () => run("raw node+pg: POST (create)", raw.pid, monitor, { url: RAW, headers: { "Content-Type": "application/json" }, requests: rotating("POST", () => "/opportunities", [0], createBody(alice.id)) }),
    () => run("raw node+pg: move", raw.pid, monitor, { url: RAW, headers: { "Content-Type": "application/json" }, requests: rotating("POST", (id) => `/opportunities/${id}/move`, movable, moveBody) }),
    () => run("API: POST /opportunities", app.pid, monitor, { url: APP, headers: jsonHeaders, requests: rotating("POST", () => "/api/v1/opportunities", [0], createBody()) }),
    () => run("API: POST /opportunities/{id}/move", app.pid, monitor, { url: APP, headers: jsonHeaders, requests: rotating("POST", (id) => `/api/v1/opportunities/${id}/move`, movable, moveBody) }),
  ].filter((scenario, i) => i === 0 || !only || only.test(scenario.toString()));
  // Rounds interleave every scenario, so that a burst of other load on the machine hits them alike; the median of each is reported.
  const rounds = Array.from({ length: ROUNDS }, () => []);
  for (const round of rounds) for (const scenario of scenarios) round.push(await scenario());
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const results = rounds[0].map((first, i) => {
    const all = rounds.map((round) => round[i]);
    const pick = (key) => median(all.map((r) => r[key]));
    return { name: first.name, rps: pick("rps"), p50: pick("p50"), p99: pick("p99"), bad: all.reduce((n, r) => n + r.bad, 0), load: pick("load"), appMs: pick("appMs"), dbMs: pick("dbMs") };
  });
  const trivial = results[0].rps;
  const targets = { "API: GET /opportunities/{id}": 0.6, "API: GET /opportunities?limit=50": 0.35, "API: PATCH /opportunities/{id}": 0.3, "API: POST /opportunities": 0.3, "API: POST /opportunities/{id}/move": 0.3 };
  await monitor.end();
  console.log(`\n${"run".padEnd(40)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"vs trivial".padStart(10)} ${"target".padStart(14)} ${"non-2xx".padStart(7)} ${"app CPU".padStart(8)} ${"db CPU".padStart(7)} ${"load".padStart(5)}`);
  for (const r of results) {
    const share = r.rps / trivial;
    const target = targets[r.name];
    const verdict = target === undefined ? "" : `${share >= target && r.p99 < 100 ? "ok" : "MISS"} >=${Math.round(target * 100)}%`;
    console.log(
      `${r.name.padEnd(40)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${`${(share * 100).toFixed(0)}%`.padStart(10)} ${verdict.padStart(14)} ${String(r.bad).padStart(7)} ${r.appMs.toFixed(2).padStart(8)} ${r.dbMs.toFixed(2).padStart(7)} ${r.load.toFixed(1).padStart(5)}`,
    );
  }
  for (const [what, count] of refusals) console.log(`refused ${count}x: ${what}`);
  if (WEBHOOKS > 0) console.log(`webhooks: ${WEBHOOKS} endpoint(s) of alice for every event; ${delivered} deliveries received during the runs`);
  console.log(`\nTargets (issue 8): GET one >= 60%, list of 50 >= 35%, writes (PATCH, POST, move) >= 30% of the trivial route's req/s, every p99 < 100 ms. "app CPU" and "db CPU" are milliseconds of CPU per request of the server under test and of its PostgreSQL backends; "load" is the 1-minute load average when the run started (2 cores).`);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, process.env.BENCH_PROFILE ? 5000 : 1000));
  await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch(() => {});
}
