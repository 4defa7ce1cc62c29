// Measures the forecast page's data (every query the page runs) on the
// database bench/forecast-generate.ts filled: p50/p95 over repeated calls for
// a manager and a salesperson, then prints the EXPLAIN ANALYZE plans.
//   npx tsx bench/forecast-bench.ts [--runs 60] [--db crm_bench_forecast] [--explain]
import os from "node:os";
import pg from "pg";
// Aliased: useDatabase is not a React hook, whatever its name says to the linter.
import { useDatabase as installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/database";
import { forecastMonths, periodWindow } from "@/lib/domain/forecast";
import type { Actor } from "@/lib/server/auth/actor";
import { getForecast } from "@/lib/server/forecast";
import { monthSql } from "@/lib/server/forecast/by-month";
import { stageExitsSql } from "@/lib/server/forecast/by-stage";
import { forecastFilterOptions } from "@/lib/server/forecast/options";
import { periodFiguresSql } from "@/lib/server/forecast/period-figures";
import type { Scope } from "@/lib/server/forecast/sql";
import type { ForecastFilters } from "@/lib/validation/forecast";
import { benchUrl, option } from "./forecast-common";

const RUNS = Number(option("runs", "60"));
const { url } = benchUrl();
const db = openDatabase({ kind: "postgres", url });
installDatabase(db);

const user = async (where: string): Promise<Actor> => {
  const rows = await db.prisma.$queryRawUnsafe<Actor[]>(`SELECT "id", "email", "name", "role" FROM "User" WHERE ${where} ORDER BY "email" LIMIT 1`);
  return rows[0];
};
const manager = await user(`"role" = 'MANAGER'`);
const rep = await user(`"email" = 'rep1@bench.example'`);
const pipelineId = (await db.prisma.pipeline.findFirstOrThrow({ where: { isDefault: true } })).id;

const scenarios: { label: string; actor: Actor; filters: ForecastFilters }[] = [
  { label: "manager, this quarter, everyone", actor: manager, filters: { period: "quarter" } },
  { label: "manager, this year, everyone", actor: manager, filters: { period: "year" } },
  { label: "salesperson, this quarter, everyone", actor: rep, filters: { period: "quarter" } },
  { label: "manager, quarter, one pipeline, one owner", actor: manager, filters: { period: "quarter", pipelineId, ownerId: rep.id } },
];

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
console.log(`Forecast page data, ${RUNS} runs per scenario after 3 warm-ups`);
console.log(`Machine: ${os.cpus()[0]?.model} x${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
console.log(`PostgreSQL: ${(await db.prisma.$queryRawUnsafe<{ version: string }[]>("SELECT version()"))[0].version}`);
for (const s of scenarios) {
  const load = () => Promise.all([getForecast(s.actor, s.filters), forecastFilterOptions(s.actor)]);
  for (let i = 0; i < 3; i++) await load();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await load();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${s.label.padEnd(44)} p50 ${pct(times, 50).toFixed(1)} ms   p95 ${pct(times, 95).toFixed(1)} ms   max ${times[times.length - 1].toFixed(1)} ms`);
}

if (process.argv.includes("--explain")) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const today = new Date().toISOString().slice(0, 10);
  const explainPeriod = option("explain-period", "quarter") as "quarter" | "year";
  const w = periodWindow(explainPeriod, today);
  for (const [who, actor] of [["manager", manager], ["salesperson", rep]] as const) {
    const scope: Scope = { actor };
    const queries = {
      "period figures (total, owners, stages)": periodFiguresSql(scope, w, new Date()),
      "stage exits (conversion)": stageExitsSql(scope, w),
      months: monthSql(scope, forecastMonths(today), today),
    };
    for (const [name, q] of Object.entries(queries)) {
      // As stageExits() runs it: in a transaction with random_page_cost 1.1.
      await client.query("BEGIN");
      if (name.startsWith("stage exits")) await client.query("SET LOCAL random_page_cost = 1.1");
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${q.text}`, q.values as unknown[]);
      await client.query("COMMIT");
      console.log(`\n--- ${name} (${who}, ${explainPeriod})\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  await client.end();
}
await db.close();
