import pg from "pg";
import { periodWindow } from "@/lib/domain/forecast";
import { periodFiguresSql } from "@/lib/server/forecast/period-figures";
const client = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/crm_bench_forecast" });
await client.connect();
const manager = (await client.query(`SELECT "id","email","name","role" FROM "User" WHERE "role"='MANAGER' ORDER BY email LIMIT 1`)).rows[0];
const today = new Date().toISOString().slice(0, 10);
const w = periodWindow("year", today);
const now = new Date();
const q = periodFiguresSql({ actor: manager }, w, now) as unknown as { text: string; values: unknown[] };
const where = `((o."status" = 'OPEN' AND o."expectedCloseDate" >= $1::date AND o."expectedCloseDate" < $2::date) OR (o."status" IN ('WON','LOST') AND o."actualCloseDate" >= $1::date AND o."actualCloseDate" < $2::date))`;
const count = { text: `SELECT count(*) FROM "Opportunity" o WHERE ${where}`, values: [w.start, w.endExclusive] };
const cat = (c: string) => c === "PIPELINE" ? `g."status" = 'OPEN' AND g."forecastCategory" NOT IN ('COMMIT','BEST_CASE')` : `g."status" = 'OPEN' AND g."forecastCategory" = '${c}'`;
const m = (e: string) => `ROUND(COALESCE(${e}, 0), 2)::text`;
const rollup = { text: `
  SELECT g."ownerId", g."stageId", (GROUPING(g."ownerId") = 0)::int AS "byOwner", (GROUPING(g."stageId") = 0)::int AS "byStage",
    SUM(g.n) FILTER (WHERE g."status" = 'OPEN')::int AS "openCount",
    ${m(`SUM(g.base) FILTER (WHERE g."status" = 'OPEN')`)} AS "openAmount",
    ${m(`SUM(g.weighted) FILTER (WHERE g."status" = 'OPEN') / 100`)} AS "weightedAmount",
    SUM(g.n) FILTER (WHERE g."status" = 'WON')::int AS "wonCount",
    ${m(`SUM(g.base) FILTER (WHERE g."status" = 'WON')`)} AS "wonAmount",
    SUM(g.n) FILTER (WHERE g."status" = 'LOST')::int AS "lostCount",
    ${m(`SUM(g.base) FILTER (WHERE g."status" = 'LOST')`)} AS "lostAmount",
    ROUND(SUM(g.base) FILTER (WHERE g."status" = 'WON') / NULLIF(SUM(g.n) FILTER (WHERE g."status" = 'WON'), 0), 2)::text AS "averageDealSize",
    ROUND(SUM(g.cycle) FILTER (WHERE g."status" = 'WON')::numeric / NULLIF(SUM(g.n) FILTER (WHERE g."status" = 'WON'), 0), 1)::text AS "averageCycleDays",
    ${m(`SUM(g.mrr) FILTER (WHERE g."status" = 'WON')`)} AS "mrrWon",
    ${m(`SUM(g.wmrr) FILTER (WHERE g."status" = 'OPEN') / 100`)} AS "weightedMrr",
    SUM(g.n) FILTER (WHERE ${cat("COMMIT")})::int AS "commitCount",
    ${m(`SUM(g.base) FILTER (WHERE ${cat("COMMIT")})`)} AS "commitAmount",
    SUM(g.n) FILTER (WHERE ${cat("BEST_CASE")})::int AS "bestCaseCount",
    ${m(`SUM(g.base) FILTER (WHERE ${cat("BEST_CASE")})`)} AS "bestCaseAmount",
    SUM(g.n) FILTER (WHERE ${cat("PIPELINE")})::int AS "pipelineCount",
    ${m(`SUM(g.base) FILTER (WHERE ${cat("PIPELINE")})`)} AS "pipelineAmount",
    ROUND(SUM(g.age) FILTER (WHERE g."status" = 'OPEN') / NULLIF(SUM(g.n) FILTER (WHERE g."status" = 'OPEN'), 0), 1)::text AS "averageAgeDays"
  FROM (
    SELECT o."ownerId", o."stageId", o."status", o."forecastCategory", COUNT(*) AS n, SUM(o."baseAmount") AS base,
      SUM(o."baseAmount" * o."probability") AS weighted, SUM(o."recurringAmount" * o."exchangeRate") AS mrr,
      SUM(o."recurringAmount" * o."exchangeRate" * o."probability") AS wmrr,
      SUM(o."actualCloseDate" - (o."createdAt" AT TIME ZONE 'UTC')::date) AS cycle,
      SUM(EXTRACT(EPOCH FROM ($3::timestamptz - o."stageChangedAt")) / 86400) AS age
    FROM "Opportunity" o WHERE ${where}
    GROUP BY 1, 2, 3, 4) g
  GROUP BY GROUPING SETS ((), (g."ownerId"), (g."stageId"))`, values: [w.start, w.endExclusive, now] };
const rollup2 = { text: rollup.text
  .replace(`SELECT o."ownerId", o."stageId", o."status", o."forecastCategory", COUNT(*) AS n, SUM(o."baseAmount") AS base,
      SUM(o."baseAmount" * o."probability") AS weighted, SUM(o."recurringAmount" * o."exchangeRate") AS mrr,
      SUM(o."recurringAmount" * o."exchangeRate" * o."probability") AS wmrr,
      SUM(o."actualCloseDate" - (o."createdAt" AT TIME ZONE 'UTC')::date) AS cycle,
      SUM(EXTRACT(EPOCH FROM ($3::timestamptz - o."stageChangedAt")) / 86400) AS age`,
  `SELECT o."ownerId", o."stageId", o."status", o."forecastCategory", COUNT(*) AS n, SUM(o."baseAmount") AS base,
      SUM(o."baseAmount") * o."probability" AS weighted, SUM(o."recurringAmount") * o."exchangeRate" AS mrr,
      SUM(o."recurringAmount") * o."exchangeRate" * o."probability" AS wmrr,
      SUM(o."actualCloseDate" - (o."createdAt" AT TIME ZONE 'UTC')::date) AS cycle,
      (COUNT(*) * EXTRACT(EPOCH FROM $3::timestamptz) - SUM(EXTRACT(EPOCH FROM o."stageChangedAt"))) / 86400 AS age`)
  .replace("GROUP BY 1, 2, 3, 4) g", `GROUP BY 1, 2, 3, 4, o."probability", o."exchangeRate") g`), values: rollup.values };
async function time(label: string, sql: { text: string; values: unknown[] }) {
  const xs: number[] = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); await client.query(sql.text, sql.values); xs.push(performance.now() - t); }
  xs.sort((a, b) => a - b);
  console.log(label.padEnd(10), "median", xs[7].toFixed(1), "min", xs[0].toFixed(1));
}
const a = (await client.query(q.text, q.values)).rows; const b = (await client.query(rollup.text, rollup.values)).rows;
const key = (r: any) => `${r.byOwner}${r.byStage}${r.ownerId}${r.stageId}`;
const bm = new Map(b.map((r: any) => [key(r), r]));
let diffs = 0; for (const r of a) { const o: any = bm.get(key(r)); for (const k of Object.keys(r)) if (String(r[k]) !== String(o?.[k])) { diffs++; if (diffs < 6) console.log("diff", k, r[k], o?.[k]); } }
console.log("rows", a.length, b.length, "diffs", diffs);
const c2 = (await client.query(rollup2.text, rollup2.values)).rows; const cm = new Map(c2.map((r: any) => [key(r), r]));
let d2 = 0; for (const r of a) { const o: any = cm.get(key(r)); for (const k of Object.keys(r)) if (String(r[k]) !== String(o?.[k])) { d2++; if (d2 < 12 && !k.endsWith("Count")) console.log("diff2", k, r[k], o?.[k]); } }
console.log("diffs2", d2);
for (let r = 0; r < 3; r++) { await time("current", q); await time("rollup", rollup); await time("rollup2", rollup2); await time("count", count); }
await client.end();
