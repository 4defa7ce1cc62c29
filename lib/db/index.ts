// The app's database handle: one per process, opened lazily from the
// environment. Tests install their own with useDatabase().
import { env } from "../env";
import { openDatabase, type AppPrismaClient, type Database, type DatabaseTarget } from "./database";

const globalRef = globalThis as unknown as { __pipelineDb?: Database };

export function targetFromEnv(): DatabaseTarget {
  const e = env();
  return e.DATABASE_URL
    ? {
        kind: "postgres",
        url: e.DATABASE_URL,
        poolSize: e.DATABASE_POOL_SIZE,
        connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      }
    : { kind: "pglite", dir: e.dataDir };
}

export function database(): Database {
  globalRef.__pipelineDb ??= openDatabase(targetFromEnv());
  return globalRef.__pipelineDb;
}

/** The Prisma client. Only lib/server and lib/db may call this. */
export function prisma(): AppPrismaClient {
  return database().prisma;
}

export function useDatabase(db: Database | undefined): void {
  globalRef.__pipelineDb = db;
}

export async function closeDatabase(): Promise<void> {
  const db = globalRef.__pipelineDb;
  globalRef.__pipelineDb = undefined;
  await db?.close();
}

export type { AppPrismaClient, Database };
