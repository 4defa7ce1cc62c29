// Fills a fresh PostgreSQL database with the demo reference data, 20 sales
// reps and 100,000 opportunities with stage histories and monthly quotas, for
// the forecast benchmark (bench/forecast-bench.ts).
//   npx tsx bench/forecast-generate.ts [--count 100000] [--db crm_bench_forecast]
// Uses PostgreSQL on BENCH_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
// the target database is dropped and created again.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { openDatabase } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";
import { toBaseAmount } from "@/lib/domain/money";
import { ranksForCount } from "@/lib/domain/rank";
import { benchUrl, option } from "./forecast-common";

const COUNT = Number(option("count", "100000"));
const { adminUrl, name, url } = benchUrl();

function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 4294967296);
  return { next, int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const DAY = 86_400_000;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function insert(client: pg.Client, table: string, columns: string[], rows: unknown[][]) {
  const per = Math.floor(60_000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map((r, k) => `(${r.map((_, j) => `$${k * columns.length + j + 1}`).join(",")})`).join(",");
    await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${values}`, chunk.flat());
  }
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();

const db = openDatabase({ kind: "postgres", url, poolSize: 2 });
await db.withSession((sql) => migrate(sql));
await seedDemoData(db.prisma);
const client = new pg.Client({ connectionString: url });
await client.connect();
const started = Date.now();

const r = random(20261123);
const now = new Date().toISOString();
const reps = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), name: `Rep ${String(i + 1).padStart(2, "0")}` }));
await insert(client, "User", ["id", "email", "name", "passwordHash", "role", "updatedAt"], reps.map((u, i) => [u.id, `rep${i + 1}@bench.example`, u.name, "x", "SALES", now]));
const managerIds = (await client.query(`SELECT "id" FROM "User" WHERE "role" <> 'SALES'`)).rows.map((u) => u.id as string);
const stages = (await client.query(`SELECT s.*, p."name" AS "pipelineName" FROM "Stage" s JOIN "Pipeline" p ON p."id" = s."pipelineId" ORDER BY p."position", s."position"`)).rows;
const rates = { USD: "1", EUR: "1.08", GBP: "1.27" } as const;

const opportunities: unknown[][] = [];
const changes: unknown[][] = [];
const members: unknown[][] = [];
const ranks = ranksForCount(COUNT);
for (let i = 0; i < COUNT; i++) {
  const pipelineId = r.next() < 0.8 ? stages[0].pipelineId : stages[stages.length - 1].pipelineId;
  const own = stages.filter((s) => s.pipelineId === pipelineId);
  const open = own.filter((s) => s.type === "OPEN");
  const roll = r.next();
  const stage = roll < 0.3 ? own.find((s) => s.type === "WON") : roll < 0.6 ? own.find((s) => s.type === "LOST") : r.pick(open);
  const owner = r.pick(reps);
  const currency = r.pick(["USD", "USD", "USD", "EUR", "GBP"] as const);
  const amount = `${r.int(500, 250_000)}.${String(r.int(0, 99)).padStart(2, "0")}`;
  const closed = stage.type !== "OPEN";
  const closeAt = closed ? today - r.int(0, 3 * 365) * DAY : today + r.int(-90, 365) * DAY;
  const createdAt = Math.min(closeAt, today) - r.int(5, 180) * DAY - r.int(0, DAY - 1);
  const path = closed ? [...open.slice(0, r.int(1, open.length)), stage] : open.slice(0, open.indexOf(stage) + 1);
  const end = closed ? closeAt + 12 * 3600_000 : today - r.int(1, 40) * DAY;
  const step = Math.max(60_000, (end - createdAt) / path.length);
  const id = randomUUID();
  path.forEach((s, k) =>
    changes.push([randomUUID(), id, k ? path[k - 1].id : null, s.id, k ? path[k - 1].type : null, s.type, new Date(createdAt + step * k).toISOString(), owner.id]),
  );
  const isPrivate = r.next() < 0.1;
  if (isPrivate && r.next() < 0.3) members.push([id, r.pick(reps.filter((x) => x.id !== owner.id)).id, now]);
  const recurring = r.next() < 0.4 ? `${r.int(50, 5000)}.00` : "0.00";
  opportunities.push([
    id, `Bench deal ${i + 1}`, pipelineId, stage.id, ranks[i], stage.type, stage.probability, stage.forecastCategory,
    amount, currency, rates[currency], toBaseAmount(amount, rates[currency]), recurring, 12,
    isoDay(closeAt), closed ? isoDay(closeAt) : null, new Date(createdAt + step * (path.length - 1)).toISOString(),
    new Date(createdAt).toISOString(), owner.id, isPrivate, now,
  ]);
}
await insert(client, "Opportunity", [
  "id", "title", "pipelineId", "stageId", "rank", "status", "probability", "forecastCategory",
  "amount", "currencyCode", "exchangeRate", "baseAmount", "recurringAmount", "contractMonths",
  "expectedCloseDate", "actualCloseDate", "stageChangedAt", "createdAt", "ownerId", "isPrivate", "updatedAt",
], opportunities);
await insert(client, "StageChange", ["id", "opportunityId", "fromStageId", "toStageId", "fromStatus", "toStatus", "changedAt", "changedById"], changes);
await insert(client, "OpportunityMember", ["opportunityId", "userId", "createdAt"], members);

// Monthly quotas for every rep over the last and the next twelve months.
const quotas: unknown[][] = [];
const first = new Date(today);
for (const u of reps)
  for (let m = -12; m < 12; m++) {
    const start = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
    quotas.push([randomUUID(), u.id, "MONTH", isoDay(start.getTime()), `${r.int(50, 200) * 1000}.00`, now]);
  }
await insert(client, "Quota", ["id", "userId", "period", "periodStart", "amount", "updatedAt"], quotas);
// VACUUM too: a live table is autovacuumed, and the visibility map lets the period scans be index-only.
await client.query("VACUUM ANALYZE");
const counts = (await client.query(`SELECT (SELECT count(*) FROM "Opportunity")::int AS opportunities, (SELECT count(*) FROM "StageChange")::int AS "stageChanges"`)).rows[0];
console.log(`Database ${name}: ${counts.opportunities} opportunities, ${counts.stageChanges} stage changes, ${managerIds.length} managers/admins, ${reps.length} reps (${((Date.now() - started) / 1000).toFixed(1)} s)`);
await client.end();
await db.close();
