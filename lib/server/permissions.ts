// What an actor may change. Seeing is decided by visibility.ts; changing an
// opportunity is for its owner, its assignee, its members, managers and admins.
import { seesEverything, type Actor } from "./auth/actor";

export function canEditOpportunity(actor: Actor, opportunity: { ownerId: string; assigneeId: string | null; memberIds: string[] }): boolean {
  return seesEverything(actor) || opportunity.ownerId === actor.id || opportunity.assigneeId === actor.id || opportunity.memberIds.includes(actor.id);
}
