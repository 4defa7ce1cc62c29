// Reading one opportunity: only through visibleOpportunities, so a private
// opportunity the actor may not see is "not found", never "forbidden"
// (which would confirm it exists).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { canEditOpportunity } from "../permissions";
import { visibleOpportunities } from "../visibility";
import { opportunityDtoInclude, toOpportunityDto, type OpportunityDto } from "./dto";

type Db = Prisma.TransactionClient;

export function visibleById(actor: Actor, id: string): Prisma.OpportunityWhereInput {
  return { AND: [{ id }, visibleOpportunities(actor)] };
}

/** Inside a transaction: the row with its members and contacts, or NOT_FOUND. */
export async function findVisibleOpportunity(actor: Actor, id: string, db: Db) {
  const row = await db.opportunity.findFirst({ where: visibleById(actor, id), include: opportunityDtoInclude });
  if (!row) throw notFound("Opportunity");
  return row;
}

export async function getOpportunity(actor: Actor, id: string): Promise<OpportunityDto> {
  const row = await prisma().opportunity.findFirst({ where: visibleById(actor, id), include: opportunityDtoInclude });
  if (!row) throw notFound("Opportunity");
  return toOpportunityDto(row);
}

export function mayEdit(actor: Actor, dto: Pick<OpportunityDto, "ownerId" | "memberIds">): boolean {
  return canEditOpportunity(actor, dto);
}
