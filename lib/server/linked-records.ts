// What activities, notes and notifications are linked to: an opportunity, an
// account, a contact. They are seen by whoever sees their deal (everyone when
// they have none: accounts and contacts are shared), in every read, list and
// count, through the forms below, built on the one visibility rule.
import { Prisma } from "@/lib/db/generated/client";
import { seesEverything, type Actor } from "./auth/actor";
import { AppError } from "./errors";
import type { Audience } from "./events/write";
import { canEditOpportunity } from "./permissions";
import { visibleOpportunities, visibleOpportunitiesSql } from "./visibility";

type Tx = Prisma.TransactionClient;

/** A Prisma where for rows with a nullable `opportunityId` and an `opportunity` relation. */
export function visibleLinked(actor: Actor): { OR?: [{ opportunityId: null }, { opportunity: Prisma.OpportunityWhereInput }] } {
  if (seesEverything(actor)) return {};
  return { OR: [{ opportunityId: null }, { opportunity: visibleOpportunities(actor) }] };
}

/** What a list of activities or notes may be narrowed to, besides what the actor sees: a deal; an account or a contact, directly or through a deal. */
export function linkedWhere(actor: Actor, f: Links): (Prisma.ActivityWhereInput & Prisma.NoteWhereInput)[] {
  const and: (Prisma.ActivityWhereInput & Prisma.NoteWhereInput)[] = [visibleLinked(actor)];
  if (f.opportunityId) and.push({ opportunityId: f.opportunityId });
  if (f.accountId) and.push({ OR: [{ accountId: f.accountId }, { opportunity: { accountId: f.accountId } }] });
  if (f.contactId) and.push({ OR: [{ contactId: f.contactId }, { opportunity: { contacts: { some: { contactId: f.contactId } } } }] });
  return and;
}

const SQL_ALIAS = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The same as a SQL condition on the row aliased `alias`. */
export function visibleLinkedSql(actor: Actor, alias: string): Prisma.Sql {
  if (!SQL_ALIAS.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  if (seesEverything(actor)) return Prisma.sql`TRUE`;
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${a}."opportunityId" IS NULL OR EXISTS (SELECT 1 FROM "Opportunity" lo WHERE lo."id" = ${a}."opportunityId" AND ${visibleOpportunitiesSql(actor, "lo")}))`;
}

export interface Links {
  opportunityId?: string | null | undefined;
  accountId?: string | null | undefined;
  contactId?: string | null | undefined;
}

/** The deal a record is linked to, as the rules need it. */
export interface LinkedDeal {
  id: string;
  title: string;
  ownerId: string;
  assigneeId: string | null;
  memberIds: string[];
  isPrivate: boolean;
}

/** Checks that each link names something the actor sees (an unseen deal is "unknown", as a missing one). */
export async function resolveLinks(tx: Tx, actor: Actor, links: Links): Promise<{ deal: LinkedDeal | null }> {
  const fields: Record<string, string> = {};
  let deal: LinkedDeal | null = null;
  if (links.opportunityId) {
    deal = await findDeal(tx, links.opportunityId, actor);
    if (!deal) fields.opportunityId = "Unknown opportunity";
  }
  if (links.accountId && !(await tx.account.count({ where: { id: links.accountId } }))) fields.accountId = "Unknown account";
  if (links.contactId && !(await tx.contact.count({ where: { id: links.contactId } }))) fields.contactId = "Unknown contact";
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "Some links are invalid", fields);
  return { deal };
}

/** The deal by id (as `actor` may see it, when given). */
export async function findDeal(tx: Tx, id: string, actor?: Actor): Promise<LinkedDeal | null> {
  const [row] = await tx.$queryRaw<LinkedDeal[]>`
    SELECT o."id", o."title", o."ownerId", o."assigneeId", o."isPrivate",
      ARRAY(SELECT m."userId" FROM "OpportunityMember" m WHERE m."opportunityId" = o."id") AS "memberIds"
    FROM "Opportunity" o WHERE o."id" = ${id} AND ${actor ? visibleOpportunitiesSql(actor, "o") : Prisma.sql`TRUE`}`;
  return row ?? null;
}

/** Who sees an event about something on this deal (none: everyone). */
export const linkedAudience = (deal: LinkedDeal | null): Audience =>
  deal?.isPrivate ? { isPrivate: true, visibleTo: [deal.ownerId, ...(deal.assigneeId ? [deal.assigneeId] : []), ...deal.memberIds] } : { isPrivate: false, visibleTo: [] };

/** May change what hangs on the deal: whoever may edit the deal (anyone for accounts and contacts, which are shared). */
export const mayWorkOn = (actor: Actor, deal: LinkedDeal | null) => !deal || canEditOpportunity(actor, deal);

/** Of these users, the active ones who see the deal (all active ones when there is no deal). */
export async function usersWhoSee(tx: Tx, userIds: string[], deal: LinkedDeal | null): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(userIds)] }, active: true }, select: { id: true, email: true, name: true, role: true } });
  const seeing = new Set<string>();
  for (const u of users) if (!deal || (await findDeal(tx, deal.id, u))) seeing.add(u.id);
  return seeing;
}

/** A change sent with a version another change has passed. */
export const staleVersion = (what: string) => new AppError("CONFLICT", `This ${what} was changed after you read it (its version differs). Read it again, then retry.`);
