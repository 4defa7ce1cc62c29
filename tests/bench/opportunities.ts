// Service timings for the opportunity area on PGlite and PostgreSQL (BENCHMARKS.md).
// Run: TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx tests/bench/opportunities.ts pglite,postgres
import { performance } from "node:perf_hooks";
import { useDatabase as installDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { getOpportunityDetail } from "@/lib/server/opportunities/read/detail";
import { opportunityTimeline } from "@/lib/server/opportunities/history/timeline";
import { listOpportunityTable } from "@/lib/server/opportunities/list/table";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/list/export";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { demoActors } from "../support/demo-actors";
import { createMigratedDatabase, type TestDatabaseKind } from "../support/test-database";

async function time<T>(label: string, n: number, run: (i: number) => Promise<T>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await run(i); samples.push(performance.now() - t0); }
  samples.sort((a, b) => a - b);
  console.log(`${label}: median ${samples[Math.floor(n / 2)].toFixed(1)} ms, p95 ${samples[Math.floor(n * 0.95)].toFixed(1)} ms (n=${n})`);
}

for (const kind of (process.argv[2] ?? "pglite").split(",") as TestDatabaseKind[]) {
  const t = await createMigratedDatabase(kind);
  installDatabase(t.db);
  await seedDemoData(t.db.prisma);
  const a = await demoActors(t.db);
  const stage = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Lead" } });
  const next = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Proposal" } });
  console.log(`--- ${kind}`);
  const ids: string[] = [];
  await time("createOpportunity", 50, async (i) => ids.push((await createOpportunity(a.alice, { title: `Bench ${i}`, stageId: stage.id, amount: "1000", labels: ["HOT"] })).id));
  await time("updateOpportunity (amount + close date)", 50, (i) => updateOpportunity(a.alice, ids[i], { amount: "2000.50", expectedCloseDate: "2027-01-01", version: 1 }));
  await time("updateOpportunity (stage change)", 50, (i) => updateOpportunity(a.alice, ids[i], { stageId: next.id }));
  await time("detail page data (detail + timeline)", 30, (i) => Promise.all([getOpportunityDetail(a.bob, ids[i]), opportunityTimeline(a.bob, ids[i])]));
  await time("table page, 25 rows, bob, no filter", 30, () => listOpportunityTable(a.bob, parseOpportunityTableQuery({})));
  await time("table page, 25 rows, bob, text + status + label", 30, () => listOpportunityTable(a.bob, parseOpportunityTableQuery({ q: "acme", status: "OPEN", label: "HOT", sort: "amount" })));
  await time(`CSV export, all ${await t.db.prisma.opportunity.count()} rows, manager`, 10, () => exportOpportunitiesCsv(a.manager, {}, "createdAt", "desc"));
  installDatabase(undefined);
  await t.drop();
}
