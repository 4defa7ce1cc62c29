// The Opportunity as the outside world sees it (DESIGN.md's API field names):
// ids as strings, money as decimal strings, dates YYYY-MM-DD, timestamps ISO
// 8601 UTC. weightedAmount is derived here, never stored.
import type { Prisma } from "@/lib/db/generated/client";
import { weightedAmount } from "@/lib/domain/money";
import { isoDate, isoTimestamp } from "../serialize";

export const opportunityDtoInclude = {
  members: { select: { userId: true }, orderBy: { createdAt: "asc" } },
  contacts: { select: { contactId: true, isPrimary: true }, orderBy: [{ isPrimary: "desc" }, { contactId: "asc" }] },
} satisfies Prisma.OpportunityInclude;

export type OpportunityRowWithRelations = Prisma.OpportunityGetPayload<{ include: typeof opportunityDtoInclude }>;

export interface OpportunityDto {
  id: string;
  title: string;
  description: string | null;
  externalId: string | null;
  pipelineId: string;
  stageId: string;
  rank: string;
  status: "OPEN" | "WON" | "LOST";
  probability: number;
  probabilityOverridden: boolean;
  forecastCategory: "PIPELINE" | "BEST_CASE" | "COMMIT" | "CLOSED" | "OMITTED";
  forecastCategoryOverridden: boolean;
  amount: string;
  currency: string;
  exchangeRate: string;
  baseAmount: string;
  recurringAmount: string;
  contractMonths: number | null;
  weightedAmount: string;
  expectedCloseDate: string | null;
  actualCloseDate: string | null;
  stageChangedAt: string;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  ownerId: string;
  createdById: string | null;
  memberIds: string[];
  accountId: string | null;
  contacts: { contactId: string; isPrimary: boolean }[];
  sourceId: string | null;
  typeId: string | null;
  labels: string[];
  rating: number | null;
  lostReasonId: string | null;
  lostNote: string | null;
  competitor: string | null;
  isPrivate: boolean;
  customFields: Record<string, string | number | boolean>;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  version: number;
}

export function toOpportunityDto(o: OpportunityRowWithRelations): OpportunityDto {
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    externalId: o.externalId,
    pipelineId: o.pipelineId,
    stageId: o.stageId,
    rank: o.rank,
    status: o.status,
    probability: o.probability,
    probabilityOverridden: o.probabilityOverridden,
    forecastCategory: o.forecastCategory,
    forecastCategoryOverridden: o.forecastCategoryOverridden,
    amount: o.amount.toFixed(2),
    currency: o.currencyCode,
    exchangeRate: o.exchangeRate.toFixed(8).replace(/\.?0+$/, ""),
    baseAmount: o.baseAmount.toFixed(2),
    recurringAmount: o.recurringAmount.toFixed(2),
    contractMonths: o.contractMonths,
    weightedAmount: weightedAmount(o.amount.toString(), o.probability),
    expectedCloseDate: isoDate(o.expectedCloseDate),
    actualCloseDate: isoDate(o.actualCloseDate),
    stageChangedAt: isoTimestamp(o.stageChangedAt)!,
    statusChangedAt: isoTimestamp(o.statusChangedAt)!,
    createdAt: isoTimestamp(o.createdAt)!,
    updatedAt: isoTimestamp(o.updatedAt)!,
    ownerId: o.ownerId,
    createdById: o.createdById,
    memberIds: o.members.map((m) => m.userId),
    accountId: o.accountId,
    contacts: o.contacts.map((c) => ({ contactId: c.contactId, isPrimary: c.isPrimary })),
    sourceId: o.sourceId,
    typeId: o.typeId,
    labels: o.labels,
    rating: o.rating,
    lostReasonId: o.lostReasonId,
    lostNote: o.lostNote,
    competitor: o.competitor,
    isPrivate: o.isPrivate,
    customFields: (o.customFields ?? {}) as Record<string, string | number | boolean>,
    utmSource: o.utmSource,
    utmMedium: o.utmMedium,
    utmCampaign: o.utmCampaign,
    utmContent: o.utmContent,
    version: o.version,
  };
}
