// Contact as the outside world sees it.
import type { Prisma } from "@/lib/db/generated/client";
import { isoTimestamp } from "../serialize";

export interface ContactDto {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  accountId: string | null;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toContactDto(c: Prisma.ContactGetPayload<object>): ContactDto {
  return {
    id: c.id, firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, jobTitle: c.jobTitle,
    accountId: c.accountId, externalId: c.externalId, createdAt: isoTimestamp(c.createdAt)!, updatedAt: isoTimestamp(c.updatedAt)!,
  };
}

export const contactName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;
