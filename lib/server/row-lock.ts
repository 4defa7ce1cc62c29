// Optimistic concurrency for objects that carry no version, only updatedAt
// (accounts, contacts, pipelines, stages, currencies): inside the write's
// transaction the row is locked, then compared with the updatedAt the client
// read. A stale one is a CONFLICT before anything is written; the lock keeps a
// concurrent writer from slipping in between the check and the write.
import { Prisma } from "@/lib/db/generated/client";
import { AppError, notFound } from "./errors";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

/** Table -> [key column, what to call it in messages]. Only these names reach the SQL. */
const TABLES = {
  Account: ["id", "Account"],
  Contact: ["id", "Contact"],
  Pipeline: ["id", "Pipeline"],
  Stage: ["id", "Stage"],
  Currency: ["code", "Currency"],
} as const;

export type LockableTable = keyof typeof TABLES;

export const staleError = (what: string) =>
  new AppError("CONFLICT", `${what} was changed after you read it (its updatedAt differs). Read it again, then retry.`);

/** Locks the row for this transaction; NOT_FOUND when missing, CONFLICT when `expected` is stale. */
export async function lockUnchanged(tx: Tx, table: LockableTable, key: string, expected: Date | null): Promise<void> {
  const [column, what] = TABLES[table];
  const rows = await tx.$queryRaw<{ updatedAt: Date }[]>`
    SELECT "updatedAt" FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} = ${key} FOR UPDATE`;
  if (!rows[0]) throw notFound(what);
  if (expected && new Date(rows[0].updatedAt).getTime() !== expected.getTime()) throw staleError(what);
}
