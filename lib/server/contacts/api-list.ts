// The API's contact list: whole DTOs with filters and sorting. Contacts are
// shared by the team; the opportunityId filter only matches opportunities the
// actor may see, so it cannot reveal who works on a private deal.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { CONTACT_SORT_FIELDS } from "@/lib/validation/contact";
import type { Actor } from "../auth/actor";
import { visibleOpportunities } from "../visibility";
import { toContactDto, type ContactDto } from "./dto";
import { contactSearchWhere } from "./list";

export interface ContactApiFilters {
  q?: string;
  accountId?: string;
  opportunityId?: string;
  email?: string;
  updatedSince?: string;
}

export async function listContactsForApi(
  actor: Actor,
  f: ContactApiFilters,
  sort: { field: (typeof CONTACT_SORT_FIELDS)[number]; dir: "asc" | "desc" },
  window: { skip: number; take: number },
): Promise<{ total: number; rows: ContactDto[] }> {
  const and: Prisma.ContactWhereInput[] = [contactSearchWhere(f.q ?? "")];
  if (f.accountId) and.push({ accountId: f.accountId });
  if (f.email) and.push({ email: { equals: f.email, mode: "insensitive" } });
  if (f.updatedSince) and.push({ updatedAt: { gte: new Date(f.updatedSince) } });
  if (f.opportunityId) {
    and.push({ opportunities: { some: { opportunity: { AND: [{ id: f.opportunityId }, visibleOpportunities(actor)] } } } });
  }
  const where: Prisma.ContactWhereInput = { AND: and };
  const order: Prisma.ContactOrderByWithRelationInput[] =
    sort.field === "lastName" ? [{ lastName: sort.dir }, { firstName: sort.dir }] : [{ [sort.field]: sort.dir }];
  const [total, rows] = await Promise.all([
    prisma().contact.count({ where }),
    prisma().contact.findMany({ where, orderBy: [...order, { id: sort.dir }], ...window }),
  ]);
  return { total, rows: rows.map(toContactDto) };
}
