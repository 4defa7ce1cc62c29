// Contact list, detail and search-as-you-type. Contacts are shared by the
// team; the opportunities listed with one are only those the actor may see.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { SearchInput } from "@/lib/validation/account";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { visibleOpportunities } from "../visibility";
import { contactName, toContactDto, type ContactDto } from "./dto";

export interface ContactOption {
  id: string;
  name: string;
  email: string | null;
  accountName: string | null;
}

/** Every word is in the first or last name, the email or the account name. */
export function contactSearchWhere(q: string): Prisma.ContactWhereInput {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  if (!words.length) return {};
  return {
    AND: words.map((w) => ({
      OR: [
        { firstName: { contains: w, mode: "insensitive" as const } },
        { lastName: { contains: w, mode: "insensitive" as const } },
        { email: { contains: w, mode: "insensitive" as const } },
        { account: { name: { contains: w, mode: "insensitive" as const } } },
      ],
    })),
  };
}

const optionSelect = { id: true, firstName: true, lastName: true, email: true, jobTitle: true, phone: true, account: { select: { id: true, name: true } } } as const;

export async function listContacts(_actor: Actor, input: SearchInput) {
  const where = contactSearchWhere(input.q);
  const total = await prisma().contact.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / input.limit));
  const page = Math.min(input.page, pageCount);
  const rows = await prisma().contact.findMany({ where, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }], skip: (page - 1) * input.limit, take: input.limit, select: optionSelect });
  return {
    total, page, pageCount,
    rows: rows.map((c) => ({ id: c.id, name: contactName(c), email: c.email, phone: c.phone, jobTitle: c.jobTitle, accountId: c.account?.id ?? null, accountName: c.account?.name ?? null })),
  };
}

/** Up to 10 matches; contacts of `preferAccountId` come first. */
export async function searchContacts(_actor: Actor, q: string, preferAccountId?: string | null): Promise<ContactOption[]> {
  const rows = await prisma().contact.findMany({ where: contactSearchWhere(q), orderBy: [{ lastName: "asc" }, { firstName: "asc" }], take: 50, select: optionSelect });
  const ranked = preferAccountId ? [...rows.filter((r) => r.account?.id === preferAccountId), ...rows.filter((r) => r.account?.id !== preferAccountId)] : rows;
  return ranked.slice(0, 10).map((c) => ({ id: c.id, name: contactName(c), email: c.email, accountName: c.account?.name ?? null }));
}

export async function contactOptionsByIds(_actor: Actor, ids: string[]): Promise<ContactOption[]> {
  if (!ids.length) return [];
  const rows = await prisma().contact.findMany({ where: { id: { in: ids } }, select: optionSelect });
  return rows.map((c) => ({ id: c.id, name: contactName(c), email: c.email, accountName: c.account?.name ?? null }));
}

export async function getContact(_actor: Actor, id: string): Promise<ContactDto> {
  const contact = await prisma().contact.findUnique({ where: { id } });
  if (!contact) throw notFound("Contact");
  return toContactDto(contact);
}

export interface ContactDetail {
  contact: ContactDto;
  accountName: string | null;
  opportunities: { id: string; title: string; status: "OPEN" | "WON" | "LOST"; stageName: string; amount: string; currency: string; isPrimary: boolean }[];
}

export async function getContactDetail(actor: Actor, id: string): Promise<ContactDetail> {
  const contact = await prisma().contact.findUnique({ where: { id }, include: { account: { select: { name: true } } } });
  if (!contact) throw notFound("Contact");
  const links = await prisma().opportunityContact.findMany({
    where: { contactId: id, opportunity: visibleOpportunities(actor) },
    select: { isPrimary: true, opportunity: { select: { id: true, title: true, status: true, amount: true, currencyCode: true, stage: { select: { name: true } } } } },
    take: 200,
  });
  return {
    contact: toContactDto(contact),
    accountName: contact.account?.name ?? null,
    opportunities: links.map((l) => ({
      id: l.opportunity.id, title: l.opportunity.title, status: l.opportunity.status, stageName: l.opportunity.stage.name,
      amount: l.opportunity.amount.toFixed(2), currency: l.opportunity.currencyCode, isPrimary: l.isPrimary,
    })),
  };
}
