// Every line change starts here: lock the opportunity's row (so concurrent
// line changes of one deal run one after another and each recomputes from
// the lines the previous one left), then the same checks as an opportunity
// edit: visible (else NOT_FOUND), editable (else FORBIDDEN), and the version
// the client started from, when it sent one (else CONFLICT, nothing changed).
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import { findVisibleOpportunity } from "../opportunities/read/get";
import { conflictError } from "../opportunities/write/update";
import { canEditOpportunity } from "../permissions";
import { beforeLineChange } from "./events";

type Tx = Prisma.TransactionClient;

/** The locked deal, with what its change's events compare against (events.ts). */
export async function lockForLineChange(tx: Tx, actor: Actor, opportunityId: string, expectedVersion: number | undefined) {
  await tx.$queryRaw`SELECT 1 FROM "Opportunity" WHERE "id" = ${opportunityId} FOR UPDATE`;
  const current = await findVisibleOpportunity(actor, opportunityId, tx);
  if (!canEditOpportunity(actor, current)) {
    throw forbidden("Only the owner, members, managers and admins can change this opportunity's line items");
  }
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw conflictError();
  return { ...current, before: await beforeLineChange(tx, opportunityId) };
}

export type LockedDeal = Awaited<ReturnType<typeof lockForLineChange>>;
