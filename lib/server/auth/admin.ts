// Admin-only operations check the role here, inside the service, on every call
// (a page's check does not protect the actions it renders, and the API calls the
// same services); the change then runs in one transaction with its audit entry.
// The predicate itself is `isAdmin` (actor.ts); pages answer 403 through
// `requireAdmin` (session.ts), which asks the same predicate.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden } from "../errors";
import { isAdmin, type Actor } from "./actor";

export type Tx = Prisma.TransactionClient;

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden("Only admins can change settings");
}

/**
 * Runs an admin change in one transaction. Deletes that move a whole stage's
 * opportunities row by row pass a longer `timeoutMs` (see BENCHMARKS.md).
 */
export async function adminTransaction<T>(actor: Actor, run: (tx: Tx) => Promise<T>, timeoutMs = 30_000): Promise<T> {
  assertAdmin(actor);
  return prisma().$transaction(run, { timeout: timeoutMs, maxWait: 10_000 });
}
