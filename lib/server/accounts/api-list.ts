// The API's account list: whole DTOs with filters and sorting. Accounts are
// shared by the team; nothing of any opportunity is shown with them.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { ACCOUNT_SORT_FIELDS } from "@/lib/validation/account";
import type { Actor } from "../auth/actor";
import { toAccountDto, type AccountDto } from "./dto";
import { accountSearchWhere } from "./list";

export interface AccountApiFilters {
  q?: string;
  ownerId?: string;
  industry?: string;
  country?: string;
  updatedSince?: string;
}

export async function listAccountsForApi(
  _actor: Actor,
  f: AccountApiFilters,
  sort: { field: (typeof ACCOUNT_SORT_FIELDS)[number]; dir: "asc" | "desc" },
  window: { skip: number; take: number },
): Promise<{ total: number; rows: AccountDto[] }> {
  const and: Prisma.AccountWhereInput[] = [accountSearchWhere(f.q ?? "")];
  if (f.ownerId) and.push({ ownerId: f.ownerId });
  if (f.industry) and.push({ industry: { equals: f.industry, mode: "insensitive" } });
  if (f.country) and.push({ country: { equals: f.country, mode: "insensitive" } });
  if (f.updatedSince) and.push({ updatedAt: { gte: new Date(f.updatedSince) } });
  const where: Prisma.AccountWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    prisma().account.count({ where }),
    prisma().account.findMany({ where, orderBy: [{ [sort.field]: sort.dir }, { id: sort.dir }], ...window }),
  ]);
  return { total, rows: rows.map(toAccountDto) };
}
