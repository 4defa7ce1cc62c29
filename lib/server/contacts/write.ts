// Creating, editing and deleting contacts. Deleting one that opportunities
// use either removes it from them (promoting another contact to primary where
// it was the primary one) or puts a replacement contact in its place.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { ContactCreateInput, ContactUpdateInput } from "@/lib/validation/contact";
import type { Actor } from "../auth/actor";
import { uniqueFieldConflict } from "../error-mapping";
import { AppError } from "../errors";
import { changeEvent, eventActor, recordEvents } from "../events/write";
import { opportunitySnapshots, recordOpportunityChanges } from "../opportunities/events";
import { lockUnchanged } from "../row-lock";
import { opportunityUsage, type OpportunityUsage } from "../usage-count";
import { deleteWhatOnlyLinksTo } from "../activities/record-deleted";
import { toContactDto, type ContactDto } from "./dto";

type Tx = Prisma.TransactionClient;

const DUPLICATE_EXTERNAL_ID = "Another contact already uses this external id";
/** An external id taken by another contact (unique index) is a CONFLICT naming the field. */
const externalIdClash = (error: unknown) => {
  throw uniqueFieldConflict(error, "externalId", DUPLICATE_EXTERNAL_ID) ?? error;
};

async function checkAccount(tx: Tx, accountId: string | null | undefined) {
  if (accountId && !(await tx.account.count({ where: { id: accountId } }))) throw new AppError("VALIDATION", "Unknown account", { accountId: "This account no longer exists" });
}

function dataOf(input: ContactUpdateInput): Prisma.ContactUncheckedUpdateInput {
  const data: Prisma.ContactUncheckedUpdateInput = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (data as Record<string, unknown>)[k] = v;
  return data;
}

export async function createContact(actor: Actor, input: ContactCreateInput): Promise<ContactDto> {
  return prisma().$transaction(async (tx) => {
    await checkAccount(tx, input.accountId);
    const created = toContactDto(await tx.contact.create({ data: { ...(dataOf(input) as Prisma.ContactUncheckedCreateInput), firstName: input.firstName, lastName: input.lastName } }));
    await recordEvents(tx, [changeEvent("contact", null, { ...created }, eventActor(actor), new Date(created.updatedAt))]);
    return created;
  }).catch(externalIdClash);
}

/** `expected`: the updatedAt the client read (API); a stale one is a CONFLICT and changes nothing. */
export async function updateContact(actor: Actor, id: string, input: ContactUpdateInput, expected: Date | null = null): Promise<ContactDto> {
  return prisma().$transaction(async (tx) => {
    await lockUnchanged(tx, "Contact", id, expected);
    await checkAccount(tx, input.accountId);
    const before = toContactDto(await tx.contact.findUniqueOrThrow({ where: { id } }));
    const after = toContactDto(await tx.contact.update({ where: { id }, data: dataOf(input) }));
    await recordEvents(tx, [changeEvent("contact", { ...before }, { ...after }, eventActor(actor), new Date(after.updatedAt))]);
    return after;
  }).catch(externalIdClash);
}

/** What deleting would touch: the opportunities that list the contact, counted as far as the actor may see them. */
export function contactUsage(actor: Actor, id: string): Promise<OpportunityUsage> {
  return opportunityUsage(actor, { contacts: { some: { contactId: id } } });
}

/** Without a strategy (API), a contact that opportunities use is a CONFLICT. */
export async function deleteContact(
  actor: Actor,
  input: { id: string; strategy?: "remove" | "replace" | undefined; replacementId?: string | undefined },
  expected: Date | null = null,
): Promise<{ id: string; deleted: true; opportunities: number }> {
  return prisma().$transaction(async (tx) => {
    await lockUnchanged(tx, "Contact", input.id, expected);
    const links = await tx.opportunityContact.findMany({ where: { contactId: input.id }, select: { opportunityId: true, isPrimary: true } });
    if (!input.strategy && links.length > 0) {
      throw new AppError("CONFLICT", `${links.length} opportunities name this contact; say what happens there (strategy remove, or replace with replacementId)`, {
        strategy: "Choose remove or replace",
      });
    }
    const dealIds = links.map((l) => l.opportunityId);
    const before = await opportunitySnapshots(tx, dealIds);
    if (input.strategy === "replace") {
      if (!input.replacementId || input.replacementId === input.id || !(await tx.contact.count({ where: { id: input.replacementId } }))) {
        throw new AppError("VALIDATION", "Choose another existing contact", { replacementId: "Choose another existing contact" });
      }
      for (const link of links) {
        const existing = await tx.opportunityContact.findUnique({ where: { opportunityId_contactId: { opportunityId: link.opportunityId, contactId: input.replacementId } } });
        if (existing) {
          if (link.isPrimary) await tx.opportunityContact.update({ where: { opportunityId_contactId: { opportunityId: link.opportunityId, contactId: input.replacementId } }, data: { isPrimary: true } });
        } else {
          await tx.opportunityContact.create({ data: { opportunityId: link.opportunityId, contactId: input.replacementId, isPrimary: link.isPrimary } });
        }
      }
    }
    await tx.opportunityContact.deleteMany({ where: { contactId: input.id } });
    // Keep "exactly one primary when there are any" on every opportunity it was primary on.
    if (input.strategy === "remove") {
      for (const link of links.filter((l) => l.isPrimary)) {
        const next = await tx.opportunityContact.findFirst({ where: { opportunityId: link.opportunityId }, orderBy: { contactId: "asc" } });
        if (next) await tx.opportunityContact.update({ where: { opportunityId_contactId: { opportunityId: link.opportunityId, contactId: next.contactId } }, data: { isPrimary: true } });
      }
    }
    const now = new Date();
    if (links.length) await tx.opportunity.updateMany({ where: { id: { in: dealIds } }, data: { version: { increment: 1 }, updatedAt: now } });
    const gone = await tx.contact.findUniqueOrThrow({ where: { id: input.id } });
    await deleteWhatOnlyLinksTo(tx, actor, { contactId: input.id }, now);
    await tx.contact.delete({ where: { id: input.id } });
    // Each deal it left gets its event (contacts changed), and the contact its tombstone.
    await recordOpportunityChanges(tx, dealIds, before, eventActor(actor), now);
    await recordEvents(tx, [changeEvent("contact", { ...toContactDto(gone) }, null, eventActor(actor), now)]);
    return { id: input.id, deleted: true as const, opportunities: links.length };
  });
}
