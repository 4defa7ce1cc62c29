// Bulk change from the table: each selected opportunity goes through
// updateOpportunity, so the same visibility, permission and stage rules
// apply; rows the actor may not change are reported, not silently skipped.
import type { OpportunityBulkInput } from "@/lib/validation/opportunity";
import type { Actor } from "../../auth/actor";
import { toAppError } from "../../error-mapping";
import { deleteOpportunity } from "./delete";
import { updateOpportunity } from "./update";

export interface BulkResult {
  updated: number;
  failed: { id: string; message: string }[];
}

async function eachOf(ids: string[], run: (id: string) => Promise<unknown>): Promise<BulkResult> {
  const result: BulkResult = { updated: 0, failed: [] };
  for (const id of [...new Set(ids)]) {
    try {
      await run(id);
      result.updated++;
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      result.failed.push({ id, message: Object.values(known.fields ?? {})[0] ?? known.message });
    }
  }
  return result;
}

export async function bulkChangeOpportunities(actor: Actor, input: OpportunityBulkInput): Promise<BulkResult> {
  const change = input.ownerId ? { ownerId: input.ownerId } : { stageId: input.stageId!, ...(input.lostReasonId ? { lostReasonId: input.lostReasonId } : {}) };
  return eachOf(input.ids, (id) => updateOpportunity(actor, id, change));
}

export async function bulkDeleteOpportunities(actor: Actor, input: { ids: string[] }): Promise<BulkResult> {
  return eachOf(input.ids, (id) => deleteOpportunity(actor, id));
}
