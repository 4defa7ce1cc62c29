// Deleting an opportunity: visible and editable by the actor, and, when a
// version is given, not changed by someone else since it was read.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import { canEditOpportunity } from "../permissions";
import { findVisibleOpportunity } from "./get";
import { conflictError } from "./update";

export async function deleteOpportunity(actor: Actor, id: string, version?: number): Promise<{ id: string; deleted: true }> {
  return prisma().$transaction(async (tx) => {
    const current = await findVisibleOpportunity(actor, id, tx);
    if (!canEditOpportunity(actor, { ownerId: current.ownerId, memberIds: current.members.map((m) => m.userId) })) {
      throw forbidden("Only the owner, members, managers and admins can delete this opportunity");
    }
    if (version !== undefined && version !== current.version) throw conflictError();
    const removed = await tx.opportunity.deleteMany({ where: { id, version: current.version } });
    if (removed.count === 0) throw conflictError();
    return { id, deleted: true as const };
  });
}
