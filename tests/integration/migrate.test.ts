import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations, type MigrationFile } from "@/lib/db/migrate";
import { availableKinds, createEmptyDatabase, type TestDatabase } from "../support/test-database";

const files = readMigrations();

describe.each(availableKinds())("migration runner on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyDatabase(kind);
  });
  afterAll(() => t?.drop());

  it("applies every migration once and records it the way Prisma does", async () => {
    const first = await t.db.withSession((sql) => migrate(sql, files));
    expect(first.applied).toEqual(files.map((f) => f.name));
    const rows = await t.db.withSession((sql) =>
      sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null && r.applied_steps_count === 1)).toBe(true);
    expect(files[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does nothing the second time", async () => {
    const again = await t.db.withSession((sql) => migrate(sql, files));
    expect(again).toEqual({ applied: [], alreadyApplied: files.length });
  });

  it("refuses to run when an applied migration file was edited", async () => {
    const edited: MigrationFile[] = files.map((f, i) => (i === 0 ? { ...f, sql: f.sql + "\n-- edited", checksum: "0".repeat(64) } : f));
    await expect(t.db.withSession((sql) => migrate(sql, edited))).rejects.toThrow(/modified after it was applied/);
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const broken: MigrationFile = {
      name: "29990101000000_broken",
      sql: `CREATE TABLE "ShouldNotExist" (id TEXT); SELECT * FROM "NoSuchTable";`,
      checksum: "f".repeat(64),
    };
    await expect(t.db.withSession((sql) => migrate(sql, [...files, broken]))).rejects.toThrow(/29990101000000_broken failed/);
    const left = await t.db.withSession((sql) =>
      sql.query(`SELECT 1 FROM pg_class WHERE relname = 'ShouldNotExist' UNION ALL SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]),
    );
    expect(left).toEqual([]);
  });

  it("refuses a migration that failed earlier and was never rolled back", async () => {
    await t.db.withSession((sql) =>
      sql.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('x', $1, '29990101000001_half', now())`, ["a".repeat(64)]),
    );
    await expect(t.db.withSession((sql) => migrate(sql, files))).rejects.toThrow(/failed earlier/);
    await t.db.withSession((sql) => sql.query(`DELETE FROM "_prisma_migrations" WHERE id = 'x'`));
  });
});

describe.runIf(availableKinds().includes("postgres"))("concurrent start-ups on postgres", () => {
  it("take turns under the advisory lock: each migration is applied exactly once", async () => {
    const t = await createEmptyDatabase("postgres");
    try {
      const results = await Promise.all([1, 2, 3].map(() => t.db.withSession((sql) => migrate(sql, files))));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
      const [{ count }] = await t.db.withSession((sql) => sql.query<{ count: string }>(`SELECT count(*)::text AS count FROM "_prisma_migrations"`));
      expect(Number(count)).toBe(files.length);
    } finally {
      await t.drop();
    }
  });
});
