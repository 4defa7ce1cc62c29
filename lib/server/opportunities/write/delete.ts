// Deleting an opportunity: visible and editable by the actor, and, when a
// version is given, not changed by someone else since it was read. The row is
// locked first, so a delete without a version never loses a race (409) to a
// concurrent save: it deletes what is there.
import type { Actor } from "../../auth/actor";
import { forbidden } from "../../errors";
import { eventActor } from "../../events/write";
import { canEditOpportunity } from "../../permissions";
import { recordOpportunityDeletions } from "../events";
import { findVisibleOpportunity } from "../read/get";
import { underRowLock } from "./sql-run";
import { conflictError } from "./update";

export async function deleteOpportunity(actor: Actor, id: string, version?: number): Promise<{ id: string; deleted: true }> {
  return underRowLock(id, async (_run, tx) => {
    const current = await findVisibleOpportunity(actor, id, tx);
    if (!canEditOpportunity(actor, current)) {
      throw forbidden("Only the owner, members, managers and admins can delete this opportunity");
    }
    if (version !== undefined && version !== current.version) throw conflictError();
    await recordOpportunityDeletions(tx, [id], eventActor(actor), new Date());
    await tx.opportunity.delete({ where: { id } });
    return { id, deleted: true as const };
  });
}
