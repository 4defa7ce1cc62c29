// Importing 100,000 opportunities from a generated CSV (BENCHMARKS.md, "CSV import"):
// the import job's own code (upload, then runImportJob, the worker's handler) in this
// process, on PGlite and/or PostgreSQL. Reports rows per second, total time and this
// process's peak RSS growth; meanwhile the board's data (loadBoard, as the board page
// reads it) is timed every 500 ms to compare its p95 with the same reads at idle.
// Run: TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/import-bench.ts postgres,pglite [rows]
import { performance } from "node:perf_hooks";
// Aliased: useDatabase is not a React hook, whatever its name says to the linter.
import { useDatabase as installDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { loadBoard } from "@/lib/server/board/board";
import { chunksOf } from "@/lib/server/imports/csv-read";
import { runImportJob, startImport } from "@/lib/server/imports/run";
import { uploadImport } from "@/lib/server/imports/upload";
import { EMPTY_FILTERS } from "@/lib/validation/board";
import { demoActors } from "../tests/support/demo-actors";
import { createMigratedDatabase, type TestDatabaseKind } from "../tests/support/test-database";

const ROWS = Number(process.argv[3] ?? 100_000);
const STAGES = ["Lead", "Qualified", "Proposal", "Negotiation"];
const OWNERS = ["alice@example.com", "bob@example.com", "manager@example.com"];

function csv(rows: number): Uint8Array {
  const lines = ["Deal Name,Amount,Deal Stage,Close Date,Deal owner,Record ID"];
  for (let i = 0; i < rows; i++) {
    lines.push(`Bench import ${i},${(1000 + (i % 9000)).toFixed(2)},${STAGES[i % 4]},2027-0${1 + (i % 9)}-15,${OWNERS[i % 3]},bench-${i}`);
  }
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

for (const kind of (process.argv[2] ?? "pglite").split(",") as TestDatabaseKind[]) {
  const t = await createMigratedDatabase(kind);
  installDatabase(t.db);
  await seedDemoData(t.db.prisma);
  const a = await demoActors(t.db);
  const file = csv(ROWS);
  const board = async () => {
    const t0 = performance.now();
    await loadBoard(a.alice, null, EMPTY_FILTERS);
    return performance.now() - t0;
  };
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await board());

  global.gc?.();
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
  const busy: number[] = [];
  let importing = true;
  const prober = (async () => {
    while (importing) {
      busy.push(await board());
      await new Promise((r) => setTimeout(r, 500));
    }
  })();

  const t0 = performance.now();
  const draft = await uploadImport(a.manager, { entity: "opportunity", fileName: "bench.csv", body: chunksOf(file, 256 * 1024) });
  const uploaded = performance.now();
  await startImport(a.manager, draft.id, { dryRun: false });
  await runImportJob({ importId: draft.id, dryRun: false }, new AbortController().signal);
  const done = performance.now();
  importing = false;
  await prober;
  clearInterval(sampler);
  const result = await t.db.prisma.import.findUniqueOrThrow({ where: { id: draft.id } });
  const seconds = (done - t0) / 1000;
  console.log(
    JSON.stringify({
      kind,
      rows: ROWS,
      fileMB: +(file.length / 1e6).toFixed(1),
      created: result.createdCount,
      failed: result.failedCount,
      uploadSeconds: +((uploaded - t0) / 1000).toFixed(1),
      totalSeconds: +seconds.toFixed(1),
      rowsPerSecond: Math.round(ROWS / seconds),
      peakRssGrowthMB: Math.round((rssPeak - rssStart) / 1e6),
      boardIdleP95Ms: +p95(idle).toFixed(1),
      boardDuringImportP95Ms: +p95(busy).toFixed(1),
      boardSamplesDuringImport: busy.length,
    }),
  );
  installDatabase(undefined);
  await t.drop();
}
