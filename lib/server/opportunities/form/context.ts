// What the create and edit pages hand to the form besides the options: the
// opportunity itself and display names for the account and contacts it links.
import { prisma } from "@/lib/db";
import type { Actor } from "../../auth/actor";
import { contactOptionsByIds } from "../../contacts/list";
import { getOpportunity } from "../read/get";
import type { OpportunityDto } from "../read/dto";

export interface LinkedOption {
  id: string;
  label: string;
  detail?: string | null;
}

export interface OpportunityFormContext {
  opportunity: OpportunityDto | null;
  account: LinkedOption | null;
  contacts: LinkedOption[];
  hasLineItems: boolean;
}

async function accountOption(accountId: string | null | undefined): Promise<LinkedOption | null> {
  if (!accountId) return null;
  const a = await prisma().account.findUnique({ where: { id: accountId }, select: { id: true, name: true } });
  return a ? { id: a.id, label: a.name } : null;
}

export async function newOpportunityContext(_actor: Actor, accountId?: string): Promise<OpportunityFormContext> {
  return { opportunity: null, account: await accountOption(accountId), contacts: [], hasLineItems: false };
}

export async function editOpportunityContext(actor: Actor, id: string): Promise<OpportunityFormContext> {
  const opportunity = await getOpportunity(actor, id);
  const [account, contacts, lines] = await Promise.all([
    accountOption(opportunity.accountId),
    contactOptionsByIds(actor, opportunity.contacts.map((c) => c.contactId)),
    prisma().lineItem.count({ where: { opportunityId: id } }),
  ]);
  return {
    opportunity,
    account,
    contacts: contacts.map((c) => ({ id: c.id, label: c.name, detail: c.accountName ?? c.email })),
    hasLineItems: lines > 0,
  };
}
