import fs from "node:fs";
import pg from "pg";
import { periodWindow } from "@/lib/domain/forecast";
import { stageExitsSql } from "@/lib/server/forecast/by-stage";
const client = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/crm_bench_forecast?options=-c%20max_parallel_workers_per_gather%3D0" });
await client.connect();
const pid = (await client.query("select pg_backend_pid() p")).rows[0].p;
const cpu = () => { const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const manager = (await client.query(`SELECT "id","email","name","role" FROM "User" WHERE "role"='MANAGER' ORDER BY email LIMIT 1`)).rows[0];
const q: any = stageExitsSql({ actor: manager }, periodWindow("year", new Date().toISOString().slice(0, 10)));
const scan = `SELECT count(*) FROM "StageChange" sc WHERE sc."changedAt" >= '2026-01-01' AND sc."changedAt" < '2027-01-01'`;
const pairs = `SELECT sc."fromStageId", COUNT(*) FILTER (WHERE sc."previousExitAt" IS NULL OR sc."previousExitAt" < '2026-01-01') , COUNT(*) FILTER (WHERE (sc."previousExitAt" IS NULL OR sc."previousExitAt" < '2026-01-01') AND sc."toStageId" = ANY('{a,b,c}'::text[])) FROM "StageChange" sc WHERE sc."changedAt" >= '2026-01-01' AND sc."changedAt" < '2027-01-01' AND sc."fromStageId" = ANY(ARRAY(SELECT id FROM "Stage" WHERE type='OPEN')) GROUP BY 1`;
async function t(label: string, text: string, values: unknown[] = [], pre = "") {
  if (pre) await client.query(pre);
  await client.query(text, values);
  const c0 = cpu(); const w0 = performance.now();
  for (let i = 0; i < 15; i++) await client.query(text, values);
  console.log(label.padEnd(20), "cpu", ((cpu() - c0) / 15).toFixed(1), "wall", ((performance.now() - w0) / 15).toFixed(1));
  if (pre) await client.query("RESET ALL");
}
const rep = (await client.query(`SELECT "id","email","name","role" FROM "User" WHERE "email"='rep1@bench.example'`)).rows[0];
const today = new Date().toISOString().slice(0, 10);
for (const [who, actor] of [["manager", manager], ["rep", rep]] as const) for (const period of ["quarter", "year"] as const) {
  const q2: any = stageExitsSql({ actor }, periodWindow(period, today));
  await t(`${who} ${period}`, q2.text, q2.values);
  await t(`${who} ${period} rpc1.1`, q2.text, q2.values, "SET random_page_cost = 1.1");
  const plan = await client.query(`EXPLAIN ${q2.text}`, q2.values); await client.query("SET random_page_cost = 1.1"); const plan2 = await client.query(`EXPLAIN ${q2.text}`, q2.values); await client.query("RESET ALL");
  console.log("   ", plan.rows.map((r) => r["QUERY PLAN"]).filter((l: string) => /Scan on "StageChange"|Scan using/.test(l)).map((l: string) => l.trim().slice(0, 60)).join(" | "));
  console.log("   ", plan2.rows.map((r) => r["QUERY PLAN"]).filter((l: string) => /Scan on "StageChange"|Scan using/.test(l)).map((l: string) => l.trim().slice(0, 60)).join(" | "));
}
await client.end();
