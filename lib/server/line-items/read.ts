// An opportunity's line items, for whoever may see the opportunity (a private
// one's lines are as "not found" as the opportunity itself). One snapshot, so
// the amounts returned are those of the lines returned.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { toOpportunityDto } from "../opportunities/dto";
import { findVisibleOpportunity } from "../opportunities/get";
import { toAmountsDto, toLineItemDto, type LineItemsDto } from "./dto";
import { linesOf } from "./recompute";

export function listLineItems(actor: Actor, opportunityId: string): Promise<LineItemsDto> {
  return prisma().$transaction(
    async (tx) => {
      const opportunity = await findVisibleOpportunity(actor, opportunityId, tx);
      const lines = await linesOf(tx, opportunityId);
      return { data: lines.map(toLineItemDto), opportunity: toAmountsDto(toOpportunityDto(opportunity), lines.length) };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
