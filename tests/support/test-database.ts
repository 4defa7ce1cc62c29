// Integration tests run against real databases created for the run: an
// in-memory PGlite always, and a fresh PostgreSQL database when
// TEST_DATABASE_URL is set (created here, dropped afterwards).
import pg from "pg";
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";

export interface TestDatabase {
  name: string;
  db: Database;
  drop(): Promise<void>;
}

export type TestDatabaseKind = "pglite" | "postgres";

export function availableKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export async function createEmptyDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = openDatabase({ kind: "pglite", dir: null });
    return { name: "pglite", db, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `crm_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
  return {
    name,
    db,
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createMigratedDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const test = await createEmptyDatabase(kind);
  await test.db.withSession((sql) => migrate(sql));
  return test;
}
