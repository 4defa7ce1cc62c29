// The migrations in prisma/migrations, applied to an empty database, produce
// exactly the schema that schema.prisma describes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actualSchema, schemaDifferences } from "../support/actual-schema";
import { expectedSchema, type ExpectedSchema } from "../support/expected-schema";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("migrated %s database", (kind) => {
  let t: TestDatabase;
  let expected: ExpectedSchema;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    expected = await expectedSchema();
  });
  afterAll(() => t?.drop());

  it("matches schema.prisma: tables, columns, types, nullability, defaults, indexes, foreign keys, enums", async () => {
    const actual = await t.db.withSession(actualSchema);
    expect(Object.keys(expected.tables).length).toBeGreaterThan(20);
    expect(schemaDifferences(expected, actual)).toEqual([]);
  });

  it("keeps Opportunity.rank in the C collation so rank keys sort bytewise", async () => {
    const [row] = await t.db.withSession((sql) =>
      sql.query<{ collation: string }>(`
        SELECT co.collname AS collation FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_collation co ON co.oid = a.attcollation
        WHERE c.relname = 'Opportunity' AND a.attname = 'rank'`),
    );
    expect(row.collation).toBe("C");
  });

  it("keeps RateLimitBucket unlogged so that counting an API request waits for no WAL flush", async () => {
    const [row] = await t.db.withSession((sql) =>
      sql.query<{ relpersistence: string }>(`SELECT relpersistence FROM pg_class WHERE relname = 'RateLimitBucket' AND relkind = 'r'`),
    );
    expect(row.relpersistence).toBe("u");
  });

  it("notices drift: a changed column, a dropped index and a missing foreign key are all reported", async () => {
    await t.db.withSession(async (sql) => {
      await sql.exec(`
        BEGIN;
        ALTER TABLE "Account" ALTER COLUMN "city" SET NOT NULL;
        DROP INDEX "Opportunity_ownerId_idx";
        ALTER TABLE "Contact" DROP CONSTRAINT "Contact_accountId_fkey";`);
      try {
        const diffs = schemaDifferences(expected, await actualSchema(sql));
        expect(diffs).toEqual(
          expect.arrayContaining([
            "Account.city nullable false != true",
            "missing index Opportunity_ownerId_idx",
            "missing foreign key Contact_accountId_fkey",
          ]),
        );
      } finally {
        await sql.exec("ROLLBACK");
      }
    });
  });
});
