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

/** Runs an admin change in one transaction. */
export async function adminTransaction<T>(actor: Actor, run: (tx: Tx) => Promise<T>): Promise<T> {
  assertAdmin(actor);
  return prisma().$transaction(run, { timeout: 30_000 });
}
