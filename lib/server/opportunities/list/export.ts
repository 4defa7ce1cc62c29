// CSV export of the table's filtered, sorted rows: the same condition and
// order as the table (table.ts), so a private opportunity never leaks into a
// file and the file lists what the table shows.
import Papa from "papaparse";
import { database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { weightedAmount } from "@/lib/domain/money";
import type { OpportunityFilters, OpportunitySortField } from "@/lib/validation/opportunity-list";
import type { Actor } from "../../auth/actor";
import { activeCustomFieldDefinitions } from "../../custom-fields/definitions";
import { TABLE_SOURCE, tableConditionSql, tableOrderSql, type Dir } from "./table";

export const EXPORT_LIMIT = 10_000;

/** Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

interface ExportRow {
  id: string;
  externalId: string | null;
  title: string;
  account: string | null;
  pipeline: string;
  stage: string;
  status: string;
  amount: string;
  currency: string;
  baseAmount: string;
  oneTimeAmount: string;
  recurringAmount: string;
  contractMonths: number | null;
  probability: number;
  owner: string;
  assignee: string | null;
  expectedCloseDate: string | null;
  actualCloseDate: string | null;
  stageChangedAt: string;
  lostReason: string | null;
  labels: string[];
  isPrivate: boolean;
  createdAt: string;
  customFields: Record<string, unknown> | null;
}

export async function exportOpportunitiesCsv(actor: Actor, filters: OpportunityFilters, sort: OpportunitySortField, dir: Dir): Promise<string> {
  const definitions = await activeCustomFieldDefinitions();
  const select = Prisma.sql`
    SELECT o."id", o."externalId", o."title", a."name" AS "account", p."name" AS "pipeline", s."name" AS "stage", o."status"::text AS "status",
      o."amount"::text AS "amount", o."currencyCode" AS "currency", o."baseAmount"::text AS "baseAmount",
      o."oneTimeAmount"::text AS "oneTimeAmount", o."recurringAmount"::text AS "recurringAmount", o."contractMonths", o."probability",
      u."name" AS "owner", (SELECT x."name" FROM "User" x WHERE x."id" = o."assigneeId") AS "assignee", to_char(o."expectedCloseDate", 'YYYY-MM-DD') AS "expectedCloseDate",
      to_char(o."actualCloseDate", 'YYYY-MM-DD') AS "actualCloseDate", to_char(o."stageChangedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "stageChangedAt",
      (SELECT lr."name" FROM "LostReason" lr WHERE lr."id" = o."lostReasonId") AS "lostReason", o."labels", o."isPrivate",
      to_char(o."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", o."customFields"
    FROM ${TABLE_SOURCE} WHERE ${tableConditionSql(actor, filters)}
    ORDER BY ${tableOrderSql(sort, dir)} LIMIT ${EXPORT_LIMIT}::int`;
  const rows = await database().query<ExportRow>(select.text, select.values);
  const data = rows.map((o) => [
    o.id, o.externalId ?? "", o.title, o.account ?? "", o.pipeline, o.stage, o.status, o.amount, o.currency, o.baseAmount,
    o.oneTimeAmount, o.recurringAmount, o.contractMonths === null ? "" : String(o.contractMonths),
    String(o.probability), weightedAmount(o.amount, o.probability), o.owner, o.assignee ?? "", o.expectedCloseDate ?? "",
    o.actualCloseDate ?? "", o.stageChangedAt, o.lostReason ?? "", o.labels.join(" "), o.isPrivate ? "yes" : "no", o.createdAt,
    ...definitions.map((d) => customFieldCell(o.customFields?.[d.key])),
  ].map(safeCell));
  return Papa.unparse({
    fields: ["id", "externalId", "title", "account", "pipeline", "stage", "status", "amount", "currency", "baseAmount", "oneTimeAmount", "recurringAmount", "contractMonths", "probability", "weightedAmount", "owner", "assignee", "expectedCloseDate", "actualCloseDate", "stageChangedAt", "lostReason", "labels", "private", "createdAt", ...definitions.map((d) => d.label)],
    data,
  });
}

function customFieldCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}
