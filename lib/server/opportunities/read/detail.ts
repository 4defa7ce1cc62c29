// The detail page's view of one opportunity: the DTO plus the names and
// related records it shows (stage path, people, account, contacts, line
// items, custom field labels) and whether the actor may edit it.
import { prisma } from "@/lib/db";
import type { Actor } from "../../auth/actor";
import { activeCustomFieldDefinitions, type CustomFieldDefinitionDto } from "../../custom-fields/definitions";
import { toLineItemDto, type LineItemDto } from "../../line-items/dto";
import { LINE_ORDER } from "../../line-items/recompute";
import { canEditOpportunity } from "../../permissions";
import type { StageOption } from "../form/options";
import { getOpportunity } from "./get";
import type { OpportunityDto } from "./dto";

export interface OpportunityDetail {
  opportunity: OpportunityDto;
  canEdit: boolean;
  pipelineName: string;
  baseCurrency: string;
  stages: StageOption[];
  ownerName: string;
  memberNames: string[];
  createdByName: string | null;
  account: { id: string; name: string } | null;
  contacts: { id: string; name: string; email: string | null; phone: string | null; jobTitle: string | null; isPrimary: boolean }[];
  sourceName: string | null;
  typeName: string | null;
  lostReasonName: string | null;
  labels: { key: string; name: string; color: string }[];
  customFields: CustomFieldDefinitionDto[];
  lostReasons: { id: string; name: string }[];
  lineItems: LineItemDto[];
}

export async function getOpportunityDetail(actor: Actor, id: string): Promise<OpportunityDetail> {
  const o = await getOpportunity(actor, id);
  const db = prisma();
  const [base, pipeline, users, account, contacts, source, type, lostReason, labels, customFields, lostReasons, lineItems] = await Promise.all([
    db.currency.findFirst({ where: { isBase: true }, select: { code: true } }),
    db.pipeline.findUniqueOrThrow({ where: { id: o.pipelineId }, select: { name: true, stages: { orderBy: { position: "asc" }, select: { id: true, name: true, type: true, probability: true, color: true, rottingDays: true } } } }),
    db.user.findMany({ where: { id: { in: [o.ownerId, ...o.memberIds, ...(o.createdById ? [o.createdById] : [])] } }, select: { id: true, name: true } }),
    o.accountId ? db.account.findUnique({ where: { id: o.accountId }, select: { id: true, name: true } }) : null,
    db.opportunityContact.findMany({
      where: { opportunityId: id },
      orderBy: [{ isPrimary: "desc" }],
      select: { isPrimary: true, contact: { select: { id: true, firstName: true, lastName: true, email: true, phone: true, jobTitle: true } } },
    }),
    o.sourceId ? db.source.findUnique({ where: { id: o.sourceId }, select: { name: true } }) : null,
    o.typeId ? db.opportunityType.findUnique({ where: { id: o.typeId }, select: { name: true } }) : null,
    o.lostReasonId ? db.lostReason.findUnique({ where: { id: o.lostReasonId }, select: { name: true } }) : null,
    db.label.findMany({ where: { key: { in: o.labels } }, orderBy: { position: "asc" }, select: { key: true, name: true, color: true } }),
    activeCustomFieldDefinitions(),
    db.lostReason.findMany({ where: { active: true }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db.lineItem.findMany({ where: { opportunityId: id }, orderBy: LINE_ORDER }),
  ]);
  const name = (uid: string) => users.find((u) => u.id === uid)?.name ?? "(removed user)";
  return {
    opportunity: o,
    canEdit: canEditOpportunity(actor, o),
    pipelineName: pipeline.name,
    baseCurrency: base?.code ?? o.currency,
    stages: pipeline.stages,
    ownerName: name(o.ownerId),
    memberNames: o.memberIds.map(name),
    createdByName: o.createdById ? name(o.createdById) : null,
    account,
    contacts: contacts.map((c) => ({ id: c.contact.id, name: `${c.contact.firstName} ${c.contact.lastName}`, email: c.contact.email, phone: c.contact.phone, jobTitle: c.contact.jobTitle, isPrimary: c.isPrimary })),
    sourceName: source?.name ?? null,
    typeName: type?.name ?? null,
    lostReasonName: lostReason?.name ?? null,
    labels,
    customFields,
    lostReasons,
    lineItems: lineItems.map(toLineItemDto),
  };
}
