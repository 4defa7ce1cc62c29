// Fills a PostgreSQL database for the board benchmark: the demo data (users,
// pipelines, reference data) plus 10,000 open opportunities in the Sales
// pipeline, 5,000 of them in its first stage. Raw SQL, one statement per stage.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/crm_bench npx tsx bench/board-seed.ts
import pg from "pg";
import { openDatabase } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";
import { generateNKeysBetween } from "fractional-indexing";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/crm_bench";
const TOTAL = 10_000;
const BIG_COLUMN = 5_000;

async function recreate() {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

await recreate();
const db = openDatabase({ kind: "postgres", url, poolSize: 4 });
await db.withSession((sql) => migrate(sql));
await seedDemoData(db.prisma);
const stages = await db.prisma.stage.findMany({ where: { pipeline: { name: "Sales" }, type: "OPEN" }, orderBy: { position: "asc" } });
const users = await db.prisma.user.findMany({ select: { id: true } });
const accounts = await db.prisma.account.findMany({ select: { id: true } });
const perStage = [BIG_COLUMN, ...stages.slice(1).map((_, k, rest) => Math.floor((TOTAL - BIG_COLUMN) / rest.length) + (k === 0 ? (TOTAL - BIG_COLUMN) % rest.length : 0))];

await db.withSession(async (sql) => {
  for (const [k, stage] of stages.entries()) {
    // Existing demo cards keep their keys; the bulk ones get valid keys after them.
    const existing = await sql.query<{ max: string | null }>(`SELECT max("rank") AS max FROM "Opportunity" WHERE "stageId" = $1`, [stage.id]);
    const ranks = generateNKeysBetween(existing[0].max, null, perStage[k]);
    await sql.query(
      `INSERT INTO "Opportunity" ("id","title","pipelineId","stageId","rank","status","probability","forecastCategory","amount","currencyCode","exchangeRate","baseAmount",
         "expectedCloseDate","stageChangedAt","statusChangedAt","createdAt","updatedAt","ownerId","accountId","labels","isPrivate","version")
       SELECT gen_random_uuid()::text, 'Bench deal ' || $2 || '-' || r.n, $3, $1, r.rank, 'OPEN', $4, 'PIPELINE',
         round((random() * 90000 + 1000)::numeric, 2), 'USD', 1, 0,
         current_date + ((r.n % 180) - 60)::int, now() - ((r.n % 40) || ' days')::interval, now(), now(), now(),
         ($5::text[])[1 + r.n % array_length($5::text[], 1)], ($6::text[])[1 + r.n % array_length($6::text[], 1)],
         CASE WHEN r.n % 7 = 0 THEN ARRAY['HOT'] ELSE ARRAY[]::text[] END, r.n % 10 = 0, 1
       FROM unnest($7::text[]) WITH ORDINALITY AS r(rank, n)`,
      [stage.id, stage.name, stage.pipelineId, stage.probability, users.map((u) => u.id), accounts.map((a) => a.id), ranks],
    );
  }
  await sql.query(`UPDATE "Opportunity" SET "baseAmount" = "amount" WHERE "title" LIKE 'Bench deal %'`);
  await sql.query(`ANALYZE`);
});
const open = await db.prisma.opportunity.count({ where: { status: "OPEN", pipeline: { name: "Sales" } } });
console.log(`Seeded ${url}: ${open} open opportunities in Sales (${perStage.join(" / ")} added per stage).`);
await db.close();
