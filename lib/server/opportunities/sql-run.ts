// Where an opportunity write's hand-written statements run: on their own
// (autocommit; on PostgreSQL straight on the pg pool, without the Prisma
// client's per-query work, see BENCHMARKS.md "REST API"), or inside a
// transaction that also needs Prisma calls (the rarer writes of members,
// contacts and line items). row-sql.ts keeps the result types equal on both.
import { database } from "@/lib/db";
import { statementName } from "@/lib/db/statement-names";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "../errors";
import { DUPLICATE_EXTERNAL_ID } from "./references";

export type RunSql = <T>(statement: Prisma.Sql) => Promise<T[]>;

export const onItsOwn: RunSql = (statement) => database().query(statement.text, statement.values, statementName(statement.text, "opportunity-write"));

export const inTransaction =
  (tx: Prisma.TransactionClient): RunSql =>
  (statement) =>
    tx.$queryRawUnsafe(statement.text, ...statement.values);

/** The SQLSTATE of a failed statement: node-postgres carries it as `code`, Prisma's raw queries in its adapter error. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const original = e?.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === "string") return original;
  return typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
}

/**
 * A write's constraint failures in the error vocabulary, as Prisma's own
 * P2002/P2003 would map: an externalId taken between the check and the write
 * is the same CONFLICT the check gives, a row referenced by the write deleted
 * meanwhile a VALIDATION. Anything else is returned unchanged.
 */
export function writeFailure(error: unknown): unknown {
  const state = sqlState(error);
  if (state === "23505" && String((error as Error).message).includes("externalId")) {
    return new AppError("CONFLICT", DUPLICATE_EXTERNAL_ID, { externalId: DUPLICATE_EXTERNAL_ID });
  }
  if (state === "23505") return new AppError("CONFLICT", "A record with the same unique value already exists");
  if (state === "23503") return new AppError("VALIDATION", "A referenced record does not exist");
  return error;
}
