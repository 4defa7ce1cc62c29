// Account as the outside world sees it: ids as strings, revenue as a decimal string.
import type { Prisma } from "@/lib/db/generated/client";
import { isoTimestamp } from "../serialize";

export interface AccountDto {
  id: string;
  name: string;
  industry: string | null;
  segment: string | null;
  territory: string | null;
  website: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  employees: number | null;
  annualRevenue: string | null;
  ownerId: string | null;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toAccountDto(a: Prisma.AccountGetPayload<object>): AccountDto {
  return {
    id: a.id,
    name: a.name,
    industry: a.industry,
    segment: a.segment,
    territory: a.territory,
    website: a.website,
    phone: a.phone,
    city: a.city,
    country: a.country,
    employees: a.employees,
    annualRevenue: a.annualRevenue?.toFixed(2) ?? null,
    ownerId: a.ownerId,
    externalId: a.externalId,
    createdAt: isoTimestamp(a.createdAt)!,
    updatedAt: isoTimestamp(a.updatedAt)!,
  };
}
