// An opportunity's line items, for whoever may see the opportunity (a private
// one's lines are as "not found" as the opportunity itself). One snapshot, so
// the amounts returned are those of the lines returned.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { findVisibleOpportunity, loadOpportunityDto } from "../opportunities/read/get";
import { toAmountsDto, toLineItemDto, type LineItemsDto } from "./dto";
import { linesOf } from "./recompute";

export function listLineItems(actor: Actor, opportunityId: string): Promise<LineItemsDto> {
  return prisma().$transaction(
    async (tx) => {
      await findVisibleOpportunity(actor, opportunityId, tx);
      const lines = await linesOf(tx, opportunityId);
      return { data: lines.map(toLineItemDto), opportunity: toAmountsDto(await loadOpportunityDto(opportunityId, tx), lines.length) };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
