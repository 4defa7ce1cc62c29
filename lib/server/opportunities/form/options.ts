// Everything the opportunity form offers to choose from, in one round trip:
// pipelines with their stages, people, currencies, and the admin's lists.
import { prisma } from "@/lib/db";
import type { Actor } from "../../auth/actor";
import { activeCustomFieldDefinitions, type CustomFieldDefinitionDto } from "../../custom-fields/definitions";

export interface StageOption {
  id: string;
  name: string;
  type: "OPEN" | "WON" | "LOST";
  probability: number;
  color: string;
  rottingDays: number | null;
}

export interface OpportunityFormOptions {
  pipelines: { id: string; name: string; isDefault: boolean; stages: StageOption[] }[];
  users: { id: string; name: string }[];
  currencies: { code: string; name: string; symbol: string; rateToBase: string; isBase: boolean }[];
  sources: { id: string; name: string }[];
  types: { id: string; name: string }[];
  lostReasons: { id: string; name: string }[];
  labels: { key: string; name: string; color: string }[];
  customFields: CustomFieldDefinitionDto[];
}

/**
 * Every signed-in user may open the form. `keepUserIds` (an edited opportunity's owner and
 * members) stay choosable even if deactivated, so saving never silently changes them.
 */
export async function opportunityFormOptions(_actor: Actor, keepUserIds: string[] = []): Promise<OpportunityFormOptions> {
  const db = prisma();
  const byPosition = [{ position: "asc" as const }, { name: "asc" as const }];
  const [pipelines, users, currencies, sources, types, lostReasons, labels, customFields] = await Promise.all([
    db.pipeline.findMany({
      where: { isArchived: false },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, isDefault: true, stages: { orderBy: { position: "asc" }, select: { id: true, name: true, type: true, probability: true, color: true, rottingDays: true } } },
    }),
    db.user.findMany({ where: { OR: [{ active: true }, { id: { in: keepUserIds } }] }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.currency.findMany({ where: { active: true }, orderBy: [{ isBase: "desc" }, { code: "asc" }], select: { code: true, name: true, symbol: true, rateToBase: true, isBase: true } }),
    db.source.findMany({ where: { active: true }, orderBy: byPosition, select: { id: true, name: true } }),
    db.opportunityType.findMany({ where: { active: true }, orderBy: byPosition, select: { id: true, name: true } }),
    db.lostReason.findMany({ where: { active: true }, orderBy: byPosition, select: { id: true, name: true } }),
    db.label.findMany({ where: { active: true }, orderBy: byPosition, select: { key: true, name: true, color: true } }),
    activeCustomFieldDefinitions(),
  ]);
  return {
    pipelines,
    users,
    currencies: currencies.map((c) => ({ ...c, rateToBase: c.rateToBase.toString() })),
    sources,
    types,
    lostReasons,
    labels,
    customFields,
  };
}
