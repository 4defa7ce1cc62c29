// CSV export of the table's filtered, sorted rows: the same visibility
// condition as the table, so a private opportunity never leaks into a file.
import Papa from "papaparse";
import { prisma } from "@/lib/db";
import { weightedAmount } from "@/lib/domain/money";
import type { OpportunityFilters, OpportunitySortField } from "@/lib/validation/opportunity-list";
import type { Actor } from "../auth/actor";
import { activeCustomFieldDefinitions } from "../custom-fields/definitions";
import { isoDate, isoTimestamp } from "../serialize";
import { tableOrder, tableWhere, type Dir } from "./table";

export const EXPORT_LIMIT = 10_000;

/** Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function exportOpportunitiesCsv(actor: Actor, filters: OpportunityFilters, sort: OpportunitySortField, dir: Dir): Promise<string> {
  const definitions = await activeCustomFieldDefinitions();
  const rows = await prisma().opportunity.findMany({
    where: tableWhere(actor, filters),
    orderBy: tableOrder(sort, dir),
    take: EXPORT_LIMIT,
    select: {
      id: true, title: true, status: true, amount: true, currencyCode: true, baseAmount: true, probability: true, expectedCloseDate: true,
      actualCloseDate: true, labels: true, isPrivate: true, createdAt: true, customFields: true,
      account: { select: { name: true } }, pipeline: { select: { name: true } }, stage: { select: { name: true } }, owner: { select: { name: true } },
    },
  });
  const data = rows.map((o) => [
    o.id, o.title, o.account?.name ?? "", o.pipeline.name, o.stage.name, o.status, o.amount.toFixed(2), o.currencyCode, o.baseAmount.toFixed(2),
    String(o.probability), weightedAmount(o.amount.toString(), o.probability), o.owner.name, isoDate(o.expectedCloseDate) ?? "",
    isoDate(o.actualCloseDate) ?? "", o.labels.join(" "), o.isPrivate ? "yes" : "no", isoTimestamp(o.createdAt) ?? "",
    ...definitions.map((d) => customFieldCell((o.customFields as Record<string, unknown> | null)?.[d.key])),
  ].map(safeCell));
  return Papa.unparse({
    fields: ["id", "title", "account", "pipeline", "stage", "status", "amount", "currency", "baseAmount", "probability", "weightedAmount", "owner", "expectedCloseDate", "actualCloseDate", "labels", "private", "createdAt", ...definitions.map((d) => d.label)],
    data,
  });
}

function customFieldCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}
