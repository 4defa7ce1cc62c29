// Every settings service starts here: the role is re-checked on the server for
// each call (a page's check does not protect the actions it renders), and the
// change runs in one transaction with its audit entry.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import { canAdminister } from "../permissions";

export type Tx = Prisma.TransactionClient;

export function assertAdmin(actor: Actor): void {
  if (!canAdminister(actor)) throw forbidden("Only admins can change settings");
}

/**
 * Runs an admin change in one transaction. Deletes that move a whole stage's
 * opportunities row by row pass a longer `timeoutMs` (see BENCHMARKS.md).
 */
export async function adminTransaction<T>(actor: Actor, run: (tx: Tx) => Promise<T>, timeoutMs = 30_000): Promise<T> {
  assertAdmin(actor);
  return prisma().$transaction(run, { timeout: timeoutMs, maxWait: 10_000 });
}

/** Long enough to move several thousand opportunities with their history (about 8-15 ms each). */
export const BULK_MOVE_TIMEOUT_MS = 120_000;
