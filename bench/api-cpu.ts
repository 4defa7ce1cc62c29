// CPU per API request spent in the app's own code, without Next.js: calls the
// route handlers of /api/v1 in process (Request in, Response out, body read),
// 16 callers at once, with alice's API key, on a PostgreSQL database with the
// demo data (created on first use). Other load on the machine changes wall
// times, not this figure much, so it compares two versions of the code.
// The app CPU that bench/api-bench.mjs reports is this plus Next.js's routing.
//   npx tsx bench/api-cpu.ts [--calls 2000] [--db crm_api_cpu]   (BENCH_ONLY=<regex> picks scenarios)
import { readFileSync } from "node:fs";
import pg from "pg";
import { useDatabase as installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";
import { issueApiKey } from "@/lib/server/api-keys/manage";
import * as opportunities from "@/app/api/v1/opportunities/route";
import * as opportunity from "@/app/api/v1/opportunities/[id]/route";
import * as move from "@/app/api/v1/opportunities/[id]/move/route";

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const CALLS = Number(option("calls", "2000"));
const CONCURRENCY = 16;
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = option("db", "crm_api_cpu");
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();

const db = openDatabase({ kind: "postgres", url, poolSize: 10 });
installDatabase(db);
if (!exists) {
  await db.withSession((sql) => migrate(sql));
  await seedDemoData(db.prisma);
}
process.env.API_RATE_LIMIT_PER_MINUTE = "100000000";

const alice = await db.prisma.user.findFirstOrThrow({ where: { email: "alice@example.com" } });
const { secret } = await issueApiKey(alice.id, "api-cpu");
const pipeline = await db.prisma.pipeline.findFirstOrThrow({ where: { stages: { some: { type: "OPEN" } } }, include: { stages: { where: { type: "OPEN" } } } });
const own = (await db.prisma.opportunity.findMany({ where: { ownerId: alice.id }, select: { id: true } })).map((o) => o.id);
const movable = (await db.prisma.opportunity.findMany({ where: { ownerId: alice.id, pipelineId: pipeline.id, status: "OPEN" }, select: { id: true } })).map((o) => o.id);
const stageIds = pipeline.stages.map((s) => s.id);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, method: string, path: string, params: Record<string, string>, body?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${secret}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const request = new Request(`http://127.0.0.1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return handler(request, { params: Promise.resolve(params) });
}

const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;

// CPU seconds of this database's PostgreSQL backends (utime + stime from /proc): the other half of a request's cost.
const monitor = new pg.Client({ connectionString: url });
await monitor.connect();
async function backendCpuMs(): Promise<number> {
  const { rows } = await monitor.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the backend ended
    }
  }
  return ticks * 10;
}

async function measure(label: string, once: (n: number) => Promise<Response>) {
  if (only && !only.test(label)) return;
  for (let n = 0; n < 300; n++) await (await once(n)).arrayBuffer(); // JIT and plan caches warm
  let next = 0;
  let failed = 0;
  const db0 = await backendCpuMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) {
        const response = await once(next++);
        if (!response.ok) failed++;
        await response.arrayBuffer();
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  const dbPerCall = ((await backendCpuMs()) - db0) / CALLS;
  const perCall = (cpu.user + cpu.system) / 1000 / CALLS;
  console.log(`${label.padEnd(36)} cpu ${perCall.toFixed(3).padStart(6)} ms/request  db ${dbPerCall.toFixed(2).padStart(5)} ms/request  ${((CALLS / wall) * 1000).toFixed(0).padStart(6)} req/s in process${failed ? `  FAILED ${failed}` : ""}`);
}

console.log(`${CALLS} calls per scenario, ${CONCURRENCY} at once, alice (SALES) owns ${own.length}`);
await measure("GET /opportunities/{id}", (n) => call(opportunity.GET as Handler, "GET", `/api/v1/opportunities/${own[n % own.length]}`, { id: own[n % own.length] }));
await measure("GET /opportunities?limit=50", () => call(opportunities.GET as Handler, "GET", "/api/v1/opportunities?limit=50", {}));
await measure("PATCH /opportunities/{id}", (n) =>
  call(opportunity.PATCH as Handler, "PATCH", `/api/v1/opportunities/${own[n % own.length]}`, { id: own[n % own.length] }, { description: `CPU bench ${n}` }),
);
await measure("POST /opportunities", (n) =>
  call(opportunities.POST as Handler, "POST", "/api/v1/opportunities", {}, { title: `CPU bench ${n}`, stageId: stageIds[n % stageIds.length], amount: "1250.00" }),
);
await measure("POST /opportunities/{id}/move", (n) =>
  call(move.POST as Handler, "POST", `/api/v1/opportunities/${movable[n % movable.length]}/move`, { id: movable[n % movable.length] }, { stageId: stageIds[n % stageIds.length] }),
);
await monitor.end();
await db.close();
