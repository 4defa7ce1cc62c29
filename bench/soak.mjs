#!/usr/bin/env node
// Load and soak: the production build on PostgreSQL (a fresh database with the
// demo data) under a mixed REST API workload from concurrent clients.
//   70% reads   35% GET one opportunity, 25% list (newest first, sometimes
//               filtered or searched), 10% forecast (by month or by stage)
//   20% writes  10% PATCH (amount or probability, and rating), 10% move to
//               another open stage
//   10% creates
// Prints throughput, latency percentiles per kind and overall, errors by
// status, and the server's resident memory sampled every 30 s (a leak shows
// as memory that keeps rising under a steady load).
//
//   node bench/soak.mjs                    # 10 minutes, 32 clients
//   SOAK_DURATION=2m SOAK_CLIENTS=32 node bench/soak.mjs
//
// Environment: SOAK_DURATION (600, 90s, 10m), SOAK_CLIENTS (32),
// SOAK_ADMIN_URL (a PostgreSQL URL allowed to create databases; default
// TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres),
// SOAK_LOG_LEVEL (info, as in production; the server's log goes to a file),
// SOAK_KEEP_DB=1 to keep the database afterwards.
// The API's per-key rate limit (API_RATE_LIMIT_PER_MINUTE, 600 by default) is
// lifted for the run: the bench measures the app, not the limiter.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { nextStartArgs } from "../scripts/next-start-args.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USERS = ["manager@example.com", "alice@example.com", "bob@example.com", "admin@example.com"];
const SAMPLE_EVERY_MS = 30_000;

function parseDuration(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(String(text).trim());
  if (!m) throw new Error(`SOAK_DURATION: cannot read "${text}" (use 600, 90s or 10m)`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? "s"];
}

const durationMs = parseDuration(process.env.SOAK_DURATION ?? "10m");
const clients = Number(process.env.SOAK_CLIENTS ?? 32);
const adminUrl = process.env.SOAK_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const money = () => (Math.random() * 90_000 + 1000).toFixed(2);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/** `next start` serves from the process it starts in; if a Next.js version forks a worker, measure that instead. */
function serverPid(pid) {
  const children = spawnSync("pgrep", ["-P", String(pid)]).stdout?.toString().split(/\s+/).filter(Boolean) ?? [];
  const server = children.find((c) => /next-server|next start/.test(fs.readFileSync(`/proc/${c}/cmdline`, "utf8").replaceAll("\0", " ")));
  return server ? Number(server) : pid;
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  console.log(`Soak: ${clients} clients for ${durationMs / 1000} s against a production build on PostgreSQL`);
  const build = spawnSync(process.execPath, ["scripts/run.mjs", "ensure-build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");

  const dbName = `crm_soak_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const databaseUrl = dbUrl.toString();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `${dbName}.log`);
  const log = fs.openSync(logFile, "w");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SEED_DEMO: "true",
    AUTH_SECRET: "soak-bench-secret-soak-bench-secret-0000",
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? "info",
    DATA_DIR: path.join(os.tmpdir(), `${dbName}-data`),
  };
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", ...nextStartArgs(port, "127.0.0.1")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", log, log],
  });
  let exited = false;
  child.on("exit", () => (exited = true));

  const cleanup = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      await new Promise((r) => (exited ? r() : child.once("exit", r)));
    }
    if (!process.env.SOAK_KEEP_DB) {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    }
    fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (exited) throw new Error(`the server exited; see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`the server did not become ready; see ${logFile}`);
      try {
        if ((await fetch(`${url}/api/ready`)).ok) break;
      } catch {
        /* not listening yet */
      }
      await sleep(250);
    }
    const pid = serverPid(child.pid);

    // Setup behind the app's back: keys through the project's own script, ids from the database.
    const keys = {};
    for (const email of USERS) {
      keys[email] = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/api-key.ts", "--email", email, "--name", "soak"], {
        cwd: ROOT,
        env: { ...env, LOG_LEVEL: "warn" },
      })
        .toString()
        .trim();
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const stages = (await db.query(`SELECT s.id, s."pipelineId" FROM "Stage" s JOIN "Pipeline" p ON p.id = s."pipelineId" WHERE s.type = 'OPEN' AND NOT p."isArchived"`)).rows;
    const users = Object.fromEntries((await db.query(`SELECT id, email FROM "User" WHERE email = ANY($1)`, [USERS])).rows.map((u) => [u.email, u.id]));
    const open = (await db.query(`SELECT id, "ownerId", "pipelineId", "stageId", "isPrivate", EXISTS (SELECT 1 FROM "LineItem" l WHERE l."opportunityId" = o.id) AS "hasLines" FROM "Opportunity" o WHERE status = 'OPEN' AND "pipelineId" = ANY($1)`, [[...new Set(stages.map((s) => s.pipelineId))]])).rows;
    const defaultPipeline = (await db.query(`SELECT id FROM "Pipeline" WHERE "isDefault" LIMIT 1`)).rows[0].id;
    const counts = (await db.query(`SELECT (SELECT count(*) FROM "Opportunity")::int AS opportunities`)).rows[0];
    await db.end();
    const stagesOf = (pipelineId) => stages.filter((s) => s.pipelineId === pipelineId).map((s) => s.id);
    console.log(`Server pid ${pid}; database ${dbName}: ${counts.opportunities} opportunities (${open.length} open), log in ${logFile}`);

    const latencies = { get: [], list: [], forecast: [], patch: [], move: [], create: [] };
    const errors = new Map();
    const errorSamples = [];
    let total = 0;
    let stop = false;

    async function request(kind, key, method, pathname, body) {
      const t0 = performance.now();
      let status = 0;
      let json = null;
      try {
        const res = await fetch(url + pathname, {
          method,
          headers: { Authorization: `Bearer ${key}`, ...(body ? { "Content-Type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        status = res.status;
        const text = await res.text();
        json = text ? JSON.parse(text) : null;
      } catch (error) {
        json = { error: String(error) };
      }
      latencies[kind].push(performance.now() - t0);
      total++;
      if (status < 200 || status >= 300) {
        errors.set(status, (errors.get(status) ?? 0) + 1);
        if (errorSamples.length < 5) errorSamples.push({ kind, status, body: JSON.stringify(json).slice(0, 300) });
        return null;
      }
      return json;
    }

    async function client(n) {
      const email = USERS[n % USERS.length];
      const key = keys[email];
      const userId = users[email];
      // The open opportunities this client edits: its user's, shared out among that user's clients, and the ones it creates.
      const sameUser = Math.ceil(clients / USERS.length);
      const mine = open.filter((o, i) => o.ownerId === userId && i % sameUser === Math.floor(n / USERS.length) % sameUser).map((o) => ({ ...o }));
      // What it reads: what its user may see (private opportunities only for their owner, managers and admins).
      const seesAll = email === "manager@example.com" || email === "admin@example.com";
      const readable = open.filter((o) => seesAll || !o.isPrivate || o.ownerId === userId);
      while (!stop) {
        const r = Math.random() * 100;
        if (r < 35) {
          await request("get", key, "GET", `/api/v1/opportunities/${pick(mine.length && Math.random() < 0.5 ? mine : readable).id}`);
        } else if (r < 60) {
          const filter = pick(["", "", "&status=OPEN", "&sort=-amount", `&q=${pick(["acme", "pilot", "rollout", "renewal"])}`]);
          await request("list", key, "GET", `/api/v1/opportunities?limit=20${filter}`);
        } else if (r < 70) {
          await request("forecast", key, "GET", `/api/v1/forecast?groupBy=${pick(["month", "month", "stage"])}`);
        } else if (r < 80 && mine.length) {
          const o = pick(mine);
          // An opportunity with line items takes its amount from them (422 otherwise): change its odds instead.
          const changes = o.hasLines ? { probability: Math.floor(Math.random() * 100) } : { amount: money() };
          const updated = await request("patch", key, "PATCH", `/api/v1/opportunities/${o.id}`, { ...changes, rating: Math.floor(Math.random() * 6) });
          if (updated) o.stageId = updated.stageId;
        } else if (r < 90 && mine.length) {
          const o = pick(mine);
          const target = pick(stagesOf(o.pipelineId).filter((s) => s !== o.stageId));
          const moved = await request("move", key, "POST", `/api/v1/opportunities/${o.id}/move`, { stageId: target });
          if (moved) o.stageId = moved.stageId;
        } else {
          const stageId = pick(stagesOf(defaultPipeline));
          const made = await request("create", key, "POST", "/api/v1/opportunities", { title: `Soak deal ${n}-${total}`, stageId, amount: money() });
          if (made) mine.push({ id: made.id, ownerId: userId, pipelineId: made.pipelineId, stageId: made.stageId, hasLines: false });
        }
      }
    }

    const samples = [{ at: 0, rss: rssMb(pid), requests: 0 }];
    console.log(`t=0s   RSS ${samples[0].rss.toFixed(0)} MB (idle, before the load)`);
    const started = performance.now();
    const sampler = setInterval(() => {
      const at = performance.now() - started;
      const prev = samples.at(-1);
      const sample = { at, rss: rssMb(pid), requests: total };
      samples.push(sample);
      const rps = (sample.requests - prev.requests) / ((at - prev.at) / 1000);
      console.log(`t=${Math.round(at / 1000)}s  RSS ${sample.rss.toFixed(0)} MB  ${rps.toFixed(0)} req/s  errors ${[...errors.values()].reduce((a, b) => a + b, 0)}`);
    }, SAMPLE_EVERY_MS);
    const running = Array.from({ length: clients }, (_, n) => client(n));
    await sleep(durationMs);
    stop = true;
    await Promise.all(running);
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;
    const endRss = rssMb(pid);

    const row = (name, list) => {
      const s = [...list].sort((a, b) => a - b);
      return `| ${name} | ${s.length} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 95).toFixed(1)} | ${percentile(s, 99).toFixed(1)} | ${(s.at(-1) ?? NaN).toFixed(0)} |`;
    };
    const all = Object.values(latencies).flat();
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log("");
    console.log(`Clients ${clients}, ${elapsed.toFixed(0)} s, ${all.length} requests, ${(all.length / elapsed).toFixed(1)} req/s, errors ${errorCount}`);
    console.log("");
    console.log("| kind | requests | p50 ms | p95 ms | p99 ms | max ms |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const [kind, list] of Object.entries(latencies)) console.log(row(kind, list));
    console.log(row("all", all));
    console.log("");
    console.log(`Errors by status: ${errors.size ? [...errors].map(([s, c]) => `${s}: ${c}`).join(", ") : "none"}`);
    for (const e of errorSamples) console.log(`  ${e.kind} ${e.status} ${e.body}`);
    console.log("");
    console.log(`Server RSS (MB), every ${SAMPLE_EVERY_MS / 1000} s: ${samples.map((s) => s.rss.toFixed(0)).join(", ")}, end ${endRss.toFixed(0)}`);
    const firstLoaded = samples[1]?.rss ?? samples[0].rss;
    console.log(`RSS idle ${samples[0].rss.toFixed(0)} MB, after the first ${SAMPLE_EVERY_MS / 1000} s ${firstLoaded.toFixed(0)} MB, at the end ${endRss.toFixed(0)} MB`);
    process.exitCode = errorCount ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
