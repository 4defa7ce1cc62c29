// Board benchmark on the database bench/board-seed.ts fills: 8 concurrent
// users load the board data (loadBoard: stages, SQL totals, first page of
// every column) and move cards (moveOpportunity), in process on a pool of 10
// connections. With BENCH_BASE_URL it also times GET /api/board over HTTP
// against a running server (signed in as the manager).
//   BENCH_DATABASE_URL=... npx tsx bench/board-bench.ts
import { useDatabase as installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/database";
import type { Actor } from "@/lib/server/auth/actor";
import { loadBoard } from "@/lib/server/board/board";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { EMPTY_FILTERS, parseBoardFilters } from "@/lib/validation/board";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/crm_bench";
const USERS = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

const db = openDatabase({ kind: "postgres", url, poolSize: 10 });
installDatabase(db);

function stats(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const line = `${name.padEnd(44)} n=${String(samples.length).padStart(4)}  p50 ${at(50).toFixed(1).padStart(6)} ms  p95 ${at(95).toFixed(1).padStart(6)} ms  max ${sorted[sorted.length - 1].toFixed(1).padStart(6)} ms`;
  console.log(line);
}

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  samples.push(performance.now() - start);
  return result;
}

const users = await db.prisma.user.findMany();
const actors: Actor[] = users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role }));
const manager = actors.find((a) => a.role === "MANAGER")!;
const pipeline = await db.prisma.pipeline.findFirstOrThrow({ where: { name: "Sales" } });
const stages = await db.prisma.stage.findMany({ where: { pipelineId: pipeline.id, type: "OPEN" }, orderBy: { position: "asc" } });
const bigColumn = await db.prisma.opportunity.count({ where: { stageId: stages[0].id } });
console.log(`${await db.prisma.opportunity.count({ where: { pipelineId: pipeline.id, status: "OPEN" } })} open opportunities, ${bigColumn} in "${stages[0].name}"; ${USERS} concurrent users x ${ROUNDS} rounds`);

// Warm-up: connections, plans, caches.
for (let k = 0; k < 3; k++) await loadBoard(manager, pipeline.id, EMPTY_FILTERS);

const boardAll: number[] = [];
const boardSales: number[] = [];
const boardFiltered: number[] = [];
await Promise.all(
  Array.from({ length: USERS }, async (_, u) => {
    for (let r = 0; r < ROUNDS; r++) {
      await timed(boardAll, () => loadBoard(manager, pipeline.id, EMPTY_FILTERS));
      const sales = actors.filter((a) => a.role === "SALES")[u % 2];
      await timed(boardSales, () => loadBoard(sales, pipeline.id, EMPTY_FILTERS));
      await timed(boardFiltered, () => loadBoard(manager, pipeline.id, parseBoardFilters({ q: "deal 1", labels: "HOT" })));
    }
  }),
);
stats("board data, manager (everything)", boardAll);
stats("board data, SALES user (visibility filter)", boardSales);
stats("board data, text + label filter", boardFiltered);

const moves: number[] = [];
let refused = 0;
await Promise.all(
  Array.from({ length: USERS }, async () => {
    for (let r = 0; r < ROUNDS * 2; r++) {
      const to = stages[Math.floor(Math.random() * stages.length)];
      const from = stages[Math.floor(Math.random() * stages.length)];
      const page = await loadBoardPage(from.id);
      const targetPage = await loadBoardPage(to.id);
      const card = page[Math.floor(Math.random() * page.length)];
      const at = Math.floor(Math.random() * targetPage.length);
      await timed(moves, () =>
        moveOpportunity(manager, { opportunityId: card.id, stageId: to.id, beforeId: targetPage[at - 1]?.id ?? null, afterId: targetPage[at]?.id ?? null }),
      ).catch(() => refused++);
    }
  }),
);
stats("move (8 users moving at once)", moves);
if (refused) console.log(`refused moves: ${refused}`);

async function loadBoardPage(stageId: string) {
  return db.prisma.opportunity.findMany({ where: { stageId }, orderBy: [{ rank: "asc" }, { id: "asc" }], take: 50, select: { id: true } });
}

if (process.env.BENCH_BASE_URL) await httpBench(process.env.BENCH_BASE_URL);

async function httpBench(base: string) {
  const cookie = await signIn(base, "manager@example.com", "demo-pass-2026");
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: USERS }, async () => {
      for (let r = 0; r < ROUNDS; r++) {
        await timed(samples, async () => {
          const res = await fetch(`${base}/api/board?pipelineId=${pipeline.id}`, { headers: { cookie } });
          if (!res.ok) throw new Error(`GET /api/board: ${res.status}`);
          await res.arrayBuffer();
        });
      }
    }),
  );
  stats("GET /api/board over HTTP", samples);
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  jar.push(...res.headers.getSetCookie().map((c) => c.split(";")[0]));
  if (!jar.some((c) => c.includes("session-token"))) throw new Error("sign-in for the HTTP benchmark failed");
  return jar.join("; ");
}

installDatabase(undefined);
await db.close();
