// Client-side CPU per board load and per move, one user, serial, on the
// bench/board-seed.ts database. On a shared machine wall times swing with the
// load; the CPU this process spends per call (Prisma's work, JSON, DTOs)
// hardly does, so it compares two versions of the code fairly.
//   BENCH_DATABASE_URL=... npx tsx bench/board-cpu.ts
import { useDatabase as installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/database";
import type { Actor } from "@/lib/server/auth/actor";
import { loadBoard } from "@/lib/server/board/board";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { EMPTY_FILTERS, parseBoardFilters } from "@/lib/validation/board";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/crm_bench";
const CALLS = 40;
const db = openDatabase({ kind: "postgres", url, poolSize: 10 });
installDatabase(db);

async function measure(name: string, run: () => Promise<unknown>) {
  for (let k = 0; k < 5; k++) await run(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < CALLS; k++) await run();
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  console.log(`${name.padEnd(32)} cpu ${((cpu.user + cpu.system) / 1000 / CALLS).toFixed(1).padStart(5)} ms/call  wall ${(wall / CALLS).toFixed(1).padStart(5)} ms/call`);
}

const users = await db.prisma.user.findMany();
const actor = (role: string): Actor => {
  const u = users.find((x) => x.role === role)!;
  return { id: u.id, email: u.email, name: u.name, role: u.role };
};
const manager = actor("MANAGER");
const pipeline = await db.prisma.pipeline.findFirstOrThrow({ where: { name: "Sales" } });
const stages = await db.prisma.stage.findMany({ where: { pipelineId: pipeline.id, type: "OPEN" }, orderBy: { position: "asc" } });

await measure("board data, manager", () => loadBoard(manager, pipeline.id, EMPTY_FILTERS));
await measure("board data, SALES user", () => loadBoard(actor("SALES"), pipeline.id, EMPTY_FILTERS));
await measure("board data, text + label filter", () => loadBoard(manager, pipeline.id, parseBoardFilters({ q: "deal 1", labels: "HOT" })));
const ids = (await db.prisma.opportunity.findMany({ where: { stageId: stages[1].id }, take: 60, select: { id: true } })).map((o) => o.id);
let k = 0;
await measure("move", () => {
  k++;
  return moveOpportunity(manager, { opportunityId: ids[k % ids.length], stageId: stages[k % stages.length].id, beforeId: null, afterId: ids[Math.floor(Math.random() * ids.length)] });
});

installDatabase(undefined);
await db.close();
