// Migration 20261206030000_opportunity_one_time_amount keeps every amount and
// gives each deal the one-time part that makes amount = one-time + recurring x
// months: the one-time lines' total with lines, the rest of the amount without
// (0 when a legacy recurring part exceeds the hand-entered amount, which stays).
// Run on a database migrated up to the migration before it, holding rows
// written the old way, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { availableKinds, createEmptyDatabase, type TestDatabase } from "../support/test-database";

const MIGRATION = "20261206030000_opportunity_one_time_amount";

describe.each(availableKinds())("one-time amount migration on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyDatabase(kind);
    const files = readMigrations();
    expect(files.some((f) => f.name === MIGRATION)).toBe(true);
    await t.db.withSession((sql) => migrate(sql, files.filter((f) => f.name < MIGRATION)));
    await t.db.withSession(async (sql) => {
      await sql.exec(`
        INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ('u1', 'a@example.com', 'A', 'x', now());
        INSERT INTO "Currency" ("code", "name", "symbol", "rateToBase", "isBase", "updatedAt") VALUES ('USD', 'Dollar', '$', 1, true, now());
        INSERT INTO "Pipeline" ("id", "name", "updatedAt") VALUES ('p1', 'Sales', now());
        INSERT INTO "Stage" ("id", "pipelineId", "name", "position", "probability", "updatedAt") VALUES ('s1', 'p1', 'Lead', 0, 10, now());
        INSERT INTO "Opportunity" ("id", "title", "pipelineId", "stageId", "rank", "probability", "currencyCode", "ownerId", "updatedAt",
                                   "amount", "baseAmount", "recurringAmount", "contractMonths") VALUES
          ('plain', 'Plain', 'p1', 's1', 'a0', 10, 'USD', 'u1', now(), 1250.50, 1250.50, 0, NULL),
          ('mixed', 'Mixed', 'p1', 's1', 'a1', 10, 'USD', 'u1', now(), 1700.00, 1700.00, 100.00, 12),
          ('nomonths', 'No months', 'p1', 's1', 'a2', 10, 'USD', 'u1', now(), 80.00, 80.00, 30.00, NULL),
          ('legacy', 'Legacy', 'p1', 's1', 'a3', 10, 'USD', 'u1', now(), 100.00, 100.00, 50.00, 12),
          ('lines', 'Lines', 'p1', 's1', 'a4', 10, 'USD', 'u1', now(), 2600.00, 2600.00, 200.00, 12),
          ('monthly', 'Monthly only', 'p1', 's1', 'a5', 10, 'USD', 'u1', now(), 240.00, 240.00, 20.00, 12);
        INSERT INTO "LineItem" ("id", "opportunityId", "position", "name", "quantity", "unitPrice", "total", "billing", "updatedAt") VALUES
          ('l1', 'lines', 0, 'Setup', 1, 150, 150, 'ONE_TIME', now()),
          ('l2', 'lines', 1, 'Training', 2, 25, 50, 'ONE_TIME', now()),
          ('l3', 'lines', 2, 'Licence', 4, 50, 200, 'MONTHLY', now()),
          ('l4', 'monthly', 0, 'Licence', 1, 20, 20, 'MONTHLY', now());`);
    });
    await t.db.withSession((sql) => migrate(sql));
  });
  afterAll(() => t?.drop());

  it("keeps every amount and fills the one-time part by the rule", async () => {
    const rows = await t.db.prisma.$queryRaw<{ id: string; amount: string; oneTimeAmount: string; recurringAmount: string }[]>`
      SELECT "id", "amount"::text AS "amount", "oneTimeAmount"::text AS "oneTimeAmount", "recurringAmount"::text AS "recurringAmount" FROM "Opportunity" ORDER BY "rank"`;
    expect(rows).toEqual([
      { id: "plain", amount: "1250.50", oneTimeAmount: "1250.50", recurringAmount: "0.00" },
      { id: "mixed", amount: "1700.00", oneTimeAmount: "500.00", recurringAmount: "100.00" },
      { id: "nomonths", amount: "80.00", oneTimeAmount: "50.00", recurringAmount: "30.00" },
      { id: "legacy", amount: "100.00", oneTimeAmount: "0.00", recurringAmount: "50.00" },
      { id: "lines", amount: "2600.00", oneTimeAmount: "200.00", recurringAmount: "200.00" },
      { id: "monthly", amount: "240.00", oneTimeAmount: "0.00", recurringAmount: "20.00" },
    ]);
  });

  it("gives new rows 0 until a write sets it", async () => {
    await t.db.prisma.$executeRaw`INSERT INTO "Opportunity" ("id", "title", "pipelineId", "stageId", "rank", "probability", "currencyCode", "ownerId", "updatedAt")
      VALUES ('fresh', 'Fresh', 'p1', 's1', 'a6', 10, 'USD', 'u1', now())`;
    const [row] = await t.db.prisma.$queryRaw<{ v: string }[]>`SELECT "oneTimeAmount"::text AS v FROM "Opportunity" WHERE "id" = 'fresh'`;
    expect(row.v).toBe("0.00");
  });
});
