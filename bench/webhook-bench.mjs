// Webhook delivery throughput (issue 18): how many events per second one app
// process fans out and delivers to a local receiver.
// It recreates a PostgreSQL database with the demo data, starts `next start`
// on it (WEBHOOK_ALLOW_PRIVATE=true; the production build must exist or is
// built first), starts a node:http receiver that answers 200 at once, adds
// an admin's endpoint for every event through the API, then writes
// BENCH_EVENTS events in one statement (a stand-in for a burst of changes, so
// the writers' own speed does not count) and times until the receiver has
// them all: the outbox dispatcher, the delivery jobs, the signed POSTs and
// every attempt's log row. It also reports the app process's CPU seconds per
// 1000 deliveries (less sensitive to other load on the machine than events/s).
//   node bench/webhook-bench.mjs   (BENCH_EVENTS=2000, BENCH_ROUNDS=3, JOB_CONCURRENCY=8)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = process.env.BENCH_DB ?? "crm_webhook_bench";
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3332);
const RECEIVER_PORT = Number(process.env.BENCH_RECEIVER_PORT ?? 3333);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = process.env.JOB_CONCURRENCY ?? "8";
const APP = `http://127.0.0.1:${APP_PORT}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB_NAME}` }).toString();

async function sql(url, text, values = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

const cpuSeconds = (pid) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
};

const cookiesOf = (response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);
async function adminKey() {
  const csrf = await fetch(`${APP}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = cookiesOf(csrf);
  const signIn = await fetch(`${APP}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: "admin@example.com", password: "demo-pass-2026", callbackUrl: "/" }),
  });
  const cookie = [...jar, ...cookiesOf(signIn)].join("; ");
  const res = await fetch(`${APP}/api/v1/api-keys`, { method: "POST", headers: { Cookie: cookie, Origin: APP, "Content-Type": "application/json" }, body: JSON.stringify({ name: "webhook-bench" }) });
  return (await res.json()).secret;
}

if (spawnSync(process.execPath, ["scripts/run.mjs", "ensure-build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) process.exit(1);
await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
await sql(ADMIN_URL, `CREATE DATABASE "${DB_NAME}"`);

let received = 0;
let waiter = null;
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.end("ok");
    received++;
    if (waiter && received >= waiter.n) waiter.resolve();
  });
});
await new Promise((r) => receiver.listen(RECEIVER_PORT, "127.0.0.1", r));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-webhook-bench-"));
const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: dbUrl, DATA_DIR: dataDir, SEED_DEMO: "true", AUTH_SECRET: "webhook-bench-secret-webhook-bench-secret", LOG_LEVEL: "warn", WEBHOOK_ALLOW_PRIVATE: "true", JOB_CONCURRENCY: CONCURRENCY },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${APP}/api/ready`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  const key = await adminKey();
  const hook = await fetch(`${APP}/api/v1/webhooks`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ url: `http://127.0.0.1:${RECEIVER_PORT}/bench`, eventTypes: ["*"] }),
  });
  if (hook.status !== 201) throw new Error(`creating the endpoint: ${hook.status} ${await hook.text()}`);
  const [deal] = await sql(dbUrl, `SELECT "id" FROM "Opportunity" LIMIT 1`);
  const results = [];
  for (let round = 1; round <= ROUNDS; round++) {
    received = 0;
    const done = new Promise((resolve) => (waiter = { n: EVENTS, resolve }));
    const cpu0 = cpuSeconds(app.pid);
    const t0 = performance.now();
    await sql(
      dbUrl,
      `INSERT INTO "Event" ("type", "recordType", "recordId", "occurredAt", "data", "isPrivate", "visibleTo")
       SELECT 'opportunity.updated', 'opportunity', $1, now(), jsonb_build_object('id', $1::text, 'n', g), false, '{}' FROM generate_series(1, $2::int) g`,
      [deal.id, EVENTS],
    );
    await done;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(app.pid) - cpu0;
    results.push({ round, events: EVENTS, seconds: +seconds.toFixed(2), perSecond: Math.round(EVENTS / seconds), appCpuSecondsPer1000: +((cpu / EVENTS) * 1000).toFixed(2) });
    console.log(JSON.stringify(results.at(-1)));
    await new Promise((r) => setTimeout(r, 2000));
  }
  const rates = results.map((r) => r.perSecond).sort((a, b) => a - b);
  console.log(`median: ${rates[Math.floor(rates.length / 2)]} events/s (JOB_CONCURRENCY=${CONCURRENCY}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")})`);
} finally {
  app.kill("SIGTERM");
  await new Promise((r) => app.once("exit", r));
  receiver.close();
  await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
