// Opens the database the configuration points at: PostgreSQL through
// @prisma/adapter-pg when a URL is given, otherwise embedded PGlite through its
// Prisma driver adapter. Both get the same generated client and migrations.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import path from "node:path";
import { PrismaClient } from "./generated/client";
import { lockDataDir } from "./data-dir-lock";
import { logger } from "../log";
import { PostgresListener, type Subscription } from "./listener";
import { connectionOptions, createPostgresPool } from "./postgres-pool";
import { pgliteSession, pgSession, type SqlSession } from "./sql-session";

export const PGLITE_OPTIONS = { postgresqlconf: ["shared_buffers=32MB"] };

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number; connectTimeoutMs?: number; statementTimeoutMs?: number }
  | { kind: "pglite"; dir: string | null }; // null: in memory (tests)

export interface Database {
  target: DatabaseTarget;
  prisma: AppPrismaClient;
  /** Runs fn on one dedicated connection (needed for advisory locks and explicit transactions). */
  withSession<T>(fn: (sql: SqlSession) => Promise<T>): Promise<T>;
  /**
   * One statement on its own (autocommit) for the few that run on every request
   * (API key authentication): on PostgreSQL straight on the pool, without the
   * Prisma client's per-query work (about 0.2 ms of CPU, see BENCHMARKS.md);
   * on PGlite through Prisma, which serializes it with open transactions on the
   * one connection. Results use node-postgres types on PostgreSQL: keep to text
   * and integer columns (or cast in SQL), and test on both databases. With a
   * name (statement-names.ts), PostgreSQL plans the statement once per connection.
   */
  query<T>(sql: string, params: unknown[], name?: string): Promise<T[]>;
  /**
   * Like query, for the hottest reads of many columns: each row as an array of
   * its values in select order (node-postgres builds no object per row; the
   * caller maps positions to fields with an object literal, much cheaper), and
   * with a statement name, PostgreSQL parses and plans the statement once per
   * connection (a name must always stand for the same SQL text). On PGlite
   * the name is not used and the values come from Prisma's row objects, whose
   * keys keep the select order (column names must then be distinct).
   */
  queryArrays(sql: string, params: unknown[], name?: string): Promise<unknown[][]>;
  /**
   * LISTEN to a channel: notifications sent by committed transactions (pg_notify) reach
   * `subscription` in this process. PostgreSQL: one dedicated connection per process that
   * reconnects by itself (listener.ts); PGlite: its own in-process LISTEN/NOTIFY. Returns
   * the unsubscribe function.
   */
  listen(channel: string, subscription: Subscription): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Interactive transactions: how long one may wait for a connection (Prisma's
 * default of 2 s is shorter than a query's wait for a pooled connection, so
 * under load writes failed while reads still got through; measured by
 * bench/soak.mjs) and how long one may run. Calls that move many rows pass
 * their own limits.
 */
export const TRANSACTION_MAX_WAIT_MS = 5000;
export const TRANSACTION_TIMEOUT_MS = 15_000;

function createClient(adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>, maxWait = TRANSACTION_MAX_WAIT_MS) {
  return new PrismaClient({
    adapter,
    // Password hashes never leave the data layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait, timeout: TRANSACTION_TIMEOUT_MS },
  });
}

export type AppPrismaClient = ReturnType<typeof createClient>;

function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Database {
  const settings = {
    url: target.url,
    poolSize: target.poolSize ?? 10,
    connectTimeoutMs: target.connectTimeoutMs ?? 5000,
    statementTimeoutMs: target.statementTimeoutMs ?? 30_000,
  };
  const pool = createPostgresPool(settings);
  const prisma = createClient(new PrismaPg(pool), settings.connectTimeoutMs);
  let listener: PostgresListener | null = null;
  return {
    target,
    prisma,
    async query<T>(sql: string, params: unknown[], name?: string) {
      return (await pool.query({ text: sql, values: params, name })).rows as T[];
    },
    async queryArrays(sql: string, params: unknown[], name?: string) {
      return (await pool.query<unknown[]>({ text: sql, values: params, name, rowMode: "array" })).rows;
    },
    // Migrations and maintenance get a connection of their own, outside the
    // pool and its statement timeout: a migration may rightly run for minutes.
    async withSession(fn) {
      const client = new pg.Client(connectionOptions(settings));
      let lost: Error | undefined;
      client.on("error", (error) => (lost = error));
      await client.connect();
      try {
        return await fn(pgSession(client));
      } finally {
        await client.end().catch(() => {});
        if (lost) logger.warn({ err: lost }, "maintenance connection lost");
      }
    },
    listen(channel, subscription) {
      listener ??= new PostgresListener(connectionOptions(settings));
      return listener.listen(channel, subscription);
    },
    async close() {
      await listener?.close();
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Database {
  const release = target.dir ? lockDataDir(target.dir) : () => {};
  // PGlite's default 128 MB of shared buffers costs ~600 MB of resident memory in
  // the WebAssembly heap; 32 MB keeps the idle server small and is ample for a team's CRM.
  const options = PGLITE_OPTIONS;
  const pglite = target.dir ? new PGlite(path.join(target.dir, "pglite"), options) : new PGlite(options);
  const prisma = createClient(new PrismaPGlite(pglite));
  return {
    target,
    prisma,
    query<T>(sql: string, params: unknown[]) {
      return prisma.$queryRawUnsafe<T[]>(sql, ...params);
    },
    async queryArrays(sql: string, params: unknown[]) {
      return (await prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params)).map((row) => Object.values(row));
    },
    async withSession(fn) {
      await pglite.waitReady;
      return fn(pgliteSession(pglite));
    },
    async listen(channel, subscription) {
      // PGlite delivers a transaction's notifications when it commits, in this process.
      const unlisten = await pglite.listen(channel, (payload) => subscription.onNotify(payload));
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}

export function openDatabase(target: DatabaseTarget): Database {
  return target.kind === "postgres" ? openPostgres(target) : openPglite(target);
}
