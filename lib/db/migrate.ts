// Applies prisma/migrations/*/migration.sql in order, the way `prisma migrate
// deploy` does, recording each in a _prisma_migrations table of Prisma's own
// shape so that Prisma's CLI accepts the same database elsewhere.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlSession } from "./sql-session";

// Any constant works; it only has to be the same for every app instance.
const MIGRATION_LOCK_KEY = 7_270_732_369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export function defaultMigrationsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
}

export function readMigrations(dir = defaultMigrationsDir()): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Checks what was applied against the files; throws on edited or failed migrations. Returns the pending ones. */
export function pendingMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const live = applied.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and was not rolled back. Fix the database, then mark it rolled back.`,
    );
  }
  const byName = new Map(live.map((row) => [row.migration_name, row]));
  for (const row of live) {
    const file = files.find((f) => f.name === row.migration_name);
    if (!file) {
      throw new MigrationError(`Migration ${row.migration_name} is applied to the database but missing from prisma/migrations.`);
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was modified after it was applied (checksum mismatch). Restore the original file and add a new migration instead.`,
      );
    }
  }
  return files.filter((file) => !byName.has(file.name));
}

export async function migrate(sql: SqlSession, files = readMigrations()): Promise<MigrationResult> {
  // The advisory lock makes concurrent starts (several app instances) take turns.
  await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await sql.exec(CREATE_TABLE);
    const applied = await sql.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const pending = pendingMigrations(files, applied);
    for (const file of pending) {
      await sql.exec("BEGIN");
      try {
        const startedAt = new Date();
        await sql.exec(file.sql);
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), file.checksum, file.name, startedAt],
        );
        await sql.exec("COMMIT");
      } catch (error) {
        await sql.exec("ROLLBACK").catch(() => {});
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return { applied: pending.map((f) => f.name), alreadyApplied: files.length - pending.length };
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
