// What deleting an account or a contact would touch, as the delete dialogs
// ask it: the opportunities the actor may see are counted; the others are
// only said to exist ("and records you cannot see"), never counted, so a
// count cannot reveal how many private deals someone else has there.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "./auth/actor";
import { visibleOpportunities } from "./visibility";

export interface OpportunityUsage {
  /** Opportunities the actor may see. */
  opportunities: number;
  /** Whether others, which the actor may not see, are there too. */
  hiddenOpportunities: boolean;
}

export async function opportunityUsage(actor: Actor, where: Prisma.OpportunityWhereInput): Promise<OpportunityUsage> {
  const [all, opportunities] = await Promise.all([
    prisma().opportunity.count({ where }),
    prisma().opportunity.count({ where: { AND: [where, visibleOpportunities(actor)] } }),
  ]);
  return { opportunities, hiddenOpportunities: all > opportunities };
}
