// CPU spent per forecast page load, by this process AND by the PostgreSQL
// backends serving it (read from /proc, so the database must run on this
// machine), one call at a time. On a shared machine wall times swing with the
// load; CPU per call hardly does, so it compares two versions of the code
// fairly. Parallel query workers are turned off for these connections (their
// CPU could not be attributed), so plans may differ slightly from the app's.
// Then the CPU of each of the page's three big queries alone, on one
// connection, to show which one dominates.
//   npx tsx bench/forecast-cpu.ts [--calls 20] [--db crm_bench_forecast]
import fs from "node:fs";
import pg from "pg";
import { useDatabase as installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/database";
import type { Actor } from "@/lib/server/auth/actor";
import { forecastMonths, periodWindow } from "@/lib/domain/forecast";
import { getForecast } from "@/lib/server/forecast";
import { monthSql } from "@/lib/server/forecast/by-month";
import { stageExitsSql } from "@/lib/server/forecast/by-stage";
import { periodFiguresSql } from "@/lib/server/forecast/period-figures";
import { forecastFilterOptions } from "@/lib/server/forecast/options";
import type { ForecastFilters } from "@/lib/validation/forecast";
import { benchUrl, option } from "./forecast-common";

const CALLS = Number(option("calls", "20"));
const url = new URL(benchUrl().url);
url.searchParams.set("application_name", "forecast-cpu");
url.searchParams.set("options", "-c max_parallel_workers_per_gather=0");
const db = openDatabase({ kind: "postgres", url: url.toString() });
installDatabase(db);

const TICK_MS = 1000 / 100; // USER_HZ
function backendCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks * TICK_MS;
}
const backends = async () =>
  (await db.prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE application_name = 'forecast-cpu'`).map((r) => r.pid);

const user = async (where: string): Promise<Actor> =>
  (await db.prisma.$queryRawUnsafe<Actor[]>(`SELECT "id", "email", "name", "role" FROM "User" WHERE ${where} ORDER BY "email" LIMIT 1`))[0];
const manager = await user(`"role" = 'MANAGER'`);
const rep = await user(`"email" = 'rep1@bench.example'`);
const scenarios: [string, Actor, ForecastFilters][] = [
  ["manager, this quarter, everyone", manager, { period: "quarter" }],
  ["manager, this year, everyone", manager, { period: "year" }],
  ["salesperson, this quarter, everyone", rep, { period: "quarter" }],
];

for (const [label, actor, filters] of scenarios) {
  const load = () => Promise.all([getForecast(actor, filters), forecastFilterOptions(actor)]);
  for (let i = 0; i < 3; i++) await load(); // warm-up: every pool connection the load uses is open now
  const pids = await backends();
  const server0 = backendCpuMs(pids);
  const client0 = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await load();
  const client = process.cpuUsage(client0);
  const server = backendCpuMs(pids) - server0;
  const clientMs = (client.user + client.system) / 1000 / CALLS;
  console.log(`${label.padEnd(40)} cpu per load: database ${(server / CALLS).toFixed(1).padStart(6)} ms  node ${clientMs.toFixed(1).padStart(5)} ms  (${pids.length} connections)`);
}
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const [{ pid }] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
const today = new Date().toISOString().slice(0, 10);
for (const [who, actor] of [["manager", manager], ["salesperson", rep]] as const) {
  for (const period of ["quarter", "year"] as const) {
    const w = periodWindow(period, today);
    const queries = {
      figures: periodFiguresSql({ actor }, w, new Date()),
      // As stageExits() plans it.
      exits: stageExitsSql({ actor }, w),
      months: monthSql({ actor }, forecastMonths(today), today),
    };
    const parts: string[] = [];
    for (const [name, q] of Object.entries(queries)) {
      await client.query(`SET random_page_cost = ${name === "exits" ? "1.1" : "DEFAULT"}`);
      await client.query(q.text, q.values);
      const before = backendCpuMs([pid]);
      for (let i = 0; i < CALLS; i++) await client.query(q.text, q.values);
      parts.push(`${name} ${((backendCpuMs([pid]) - before) / CALLS).toFixed(1)} ms`);
    }
    console.log(`${`${who}, ${period}`.padEnd(24)} database cpu per query: ${parts.join(", ")}`);
  }
}
await client.end();
installDatabase(undefined);
await db.close();
