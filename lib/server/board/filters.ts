// The Prisma condition for the board's cards: what the actor may see
// (visibility.ts, always) narrowed by the filters in the URL. Totals and
// pages use the same condition, so totals follow the filters.
import type { Prisma } from "@/lib/db/generated/client";
import type { BoardFilters } from "@/lib/validation/board";
import type { Actor } from "../auth/actor";
import { visibleOpportunities } from "../visibility";

const utcDay = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export function boardWhere(actor: Actor, filters: BoardFilters): Prisma.OpportunityWhereInput {
  const and: Prisma.OpportunityWhereInput[] = [visibleOpportunities(actor)];
  if (filters.owner) and.push({ ownerId: filters.owner === "me" ? actor.id : filters.owner });
  if (filters.q) {
    and.push({
      OR: [
        { title: { contains: filters.q, mode: "insensitive" } },
        { account: { name: { contains: filters.q, mode: "insensitive" } } },
      ],
    });
  }
  if (filters.closeFrom) and.push({ expectedCloseDate: { gte: utcDay(filters.closeFrom) } });
  if (filters.closeTo) and.push({ expectedCloseDate: { lte: utcDay(filters.closeTo) } });
  if (filters.labels.length) and.push({ labels: { hasSome: filters.labels } });
  return { AND: and };
}
