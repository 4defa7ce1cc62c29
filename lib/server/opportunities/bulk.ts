// Bulk change from the table: each selected opportunity goes through
// updateOpportunity, so the same visibility, permission and stage rules
// apply; rows the actor may not change are reported, not silently skipped.
import type { OpportunityBulkInput } from "@/lib/validation/opportunity";
import type { Actor } from "../auth/actor";
import { toAppError } from "../error-mapping";
import { updateOpportunity } from "./update";

export interface BulkResult {
  updated: number;
  failed: { id: string; message: string }[];
}

export async function bulkChangeOpportunities(actor: Actor, input: OpportunityBulkInput): Promise<BulkResult> {
  const result: BulkResult = { updated: 0, failed: [] };
  const change = input.ownerId ? { ownerId: input.ownerId } : { stageId: input.stageId!, ...(input.lostReasonId ? { lostReasonId: input.lostReasonId } : {}) };
  for (const id of [...new Set(input.ids)]) {
    try {
      await updateOpportunity(actor, id, change);
      result.updated++;
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      result.failed.push({ id, message: Object.values(known.fields ?? {})[0] ?? known.message });
    }
  }
  return result;
}
