// Who may see which opportunity, built in one place and applied to every read,
// list, count, sum and export. A private opportunity is seen by its owner, its
// members, managers and admins; everything else is seen by everyone.
import type { Prisma } from "@/lib/db/generated/client";
import { seesEverything, type Actor } from "./auth/actor";

export function visibleOpportunities(actor: Actor): Prisma.OpportunityWhereInput {
  if (seesEverything(actor)) return {};
  return {
    OR: [{ isPrivate: false }, { ownerId: actor.id }, { members: { some: { userId: actor.id } } }],
  };
}
