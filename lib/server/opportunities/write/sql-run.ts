// Where an opportunity write's hand-written statements run: on their own
// (autocommit; on PostgreSQL straight on the pg pool, without the Prisma
// client's per-query work, see BENCHMARKS.md "REST API"), or inside a
// transaction that also needs Prisma calls (the rarer writes of members,
// contacts and line items), or under the row's lock (underRowLock).
import { database, prisma } from "@/lib/db";
import { statementName, type StatementFamily } from "@/lib/db/statement-names";
import type { Prisma } from "@/lib/db/generated/client";
import { constraintFailure, isUniqueViolation } from "../../error-mapping";
import { AppError } from "../../errors";
import { DUPLICATE_EXTERNAL_ID } from "./references";

export type RunSql = <T>(statement: Prisma.Sql) => Promise<T[]>;

/** On their own (autocommit), named per family so PostgreSQL plans each text once per connection. */
export const runOnItsOwn =
  (family: StatementFamily): RunSql =>
  (statement) =>
    database().query(statement.text, statement.values, statementName(statement.text, family));

export const onItsOwn: RunSql = runOnItsOwn("opportunity-write");

export const inTransaction =
  (tx: Prisma.TransactionClient): RunSql =>
  (statement) =>
    tx.$queryRawUnsafe(statement.text, ...statement.values);

/**
 * Runs `fn` in a transaction that first locks the opportunity's row: another
 * write to it waits until this one commits, so what `fn` reads stays current
 * until it writes. For a write without a version, whose optimistic attempt
 * lost a race: it must land (last writer wins), never answer CONFLICT.
 */
export function underRowLock<T>(id: string, fn: (run: RunSql, tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Opportunity" WHERE "id" = ${id} FOR UPDATE`;
    return fn(inTransaction(tx), tx);
  });
}

/**
 * A write's constraint failures in the error vocabulary (error-mapping.ts):
 * an externalId taken between the check and the write is the same CONFLICT,
 * naming the field, that the check gives.
 */
export function writeFailure(error: unknown): unknown {
  if (isUniqueViolation(error) && String((error as Error).message).includes("externalId")) {
    return new AppError("CONFLICT", DUPLICATE_EXTERNAL_ID, { externalId: DUPLICATE_EXTERNAL_ID });
  }
  return constraintFailure(error) ?? error;
}
