import fs from "node:fs";
import pg from "pg";
import { forecastMonths, periodWindow } from "@/lib/domain/forecast";
import { periodFiguresSql } from "@/lib/server/forecast/period-figures";
import { monthSql } from "@/lib/server/forecast/by-month";
import { stageExitsSql } from "@/lib/server/forecast/by-stage";
const client = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/crm_bench_forecast?options=-c%20max_parallel_workers_per_gather%3D0" });
await client.connect();
const pid = (await client.query("select pg_backend_pid() p")).rows[0].p;
const cpu = () => { const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const u = async (w: string) => (await client.query(`SELECT "id","email","name","role" FROM "User" WHERE ${w} ORDER BY email LIMIT 1`)).rows[0];
const manager = await u(`"role"='MANAGER'`); const rep = await u(`"email"='rep1@bench.example'`);
const today = new Date().toISOString().slice(0, 10);
for (const [who, actor] of [["manager", manager], ["rep", rep]] as const) for (const period of ["quarter", "year"] as const) {
  const w = periodWindow(period, today);
  const qs: Record<string, any> = { figures: periodFiguresSql({ actor }, w, new Date()), exits: stageExitsSql({ actor }, w), months: monthSql({ actor }, forecastMonths(today), today) };
  const out: string[] = [];
  for (const [name, q] of Object.entries(qs)) {
    await client.query(q.text, q.values);
    const c0 = cpu(); for (let i = 0; i < 20; i++) await client.query(q.text, q.values);
    out.push(`${name} ${((cpu() - c0) / 20).toFixed(1)}`);
  }
  console.log(who, period, out.join("  "));
}
await client.end();
