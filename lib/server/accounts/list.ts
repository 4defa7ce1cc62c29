// Account list and search-as-you-type. Accounts are shared by the whole team;
// the opportunity counts shown beside them only count what the actor may see.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { SearchInput } from "@/lib/validation/account";
import type { Actor } from "../auth/actor";
import { visibleOpportunities } from "../visibility";

export interface AccountListRow {
  id: string;
  name: string;
  industry: string | null;
  city: string | null;
  country: string | null;
  ownerName: string | null;
  openOpportunities: number;
  contacts: number;
}

/** Name, industry or city contains the text. */
export function accountSearchWhere(q: string): Prisma.AccountWhereInput {
  if (!q) return {};
  return { OR: [{ name: { contains: q, mode: "insensitive" } }, { industry: { contains: q, mode: "insensitive" } }, { city: { contains: q, mode: "insensitive" } }] };
}

export async function listAccounts(actor: Actor, input: SearchInput): Promise<{ rows: AccountListRow[]; total: number; page: number; pageCount: number }> {
  const where = accountSearchWhere(input.q);
  const total = await prisma().account.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / input.limit));
  const page = Math.min(input.page, pageCount);
  const rows = await prisma().account.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * input.limit,
    take: input.limit,
    select: {
      id: true, name: true, industry: true, city: true, country: true,
      owner: { select: { name: true } },
      _count: { select: { contacts: true, opportunities: { where: { AND: [{ status: "OPEN" }, visibleOpportunities(actor)] } } } },
    },
  });
  return {
    total, page, pageCount,
    rows: rows.map((a) => ({
      id: a.id, name: a.name, industry: a.industry, city: a.city, country: a.country, ownerName: a.owner?.name ?? null,
      openOpportunities: a._count.opportunities, contacts: a._count.contacts,
    })),
  };
}

/** Up to 10 accounts whose name starts with (then contains) the text, for pickers. */
export async function searchAccounts(_actor: Actor, q: string): Promise<{ id: string; name: string }[]> {
  const text = q.trim();
  const select = { id: true, name: true };
  if (!text) return prisma().account.findMany({ orderBy: { name: "asc" }, take: 10, select });
  const starts = await prisma().account.findMany({ where: { name: { startsWith: text, mode: "insensitive" } }, orderBy: { name: "asc" }, take: 10, select });
  if (starts.length >= 10) return starts;
  const contains = await prisma().account.findMany({
    where: { name: { contains: text, mode: "insensitive" }, id: { notIn: starts.map((a) => a.id) } },
    orderBy: { name: "asc" }, take: 10 - starts.length, select,
  });
  return [...starts, ...contains];
}
