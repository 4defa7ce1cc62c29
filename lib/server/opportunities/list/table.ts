// The Opportunities table: a sorted, paginated page of the rows the actor may
// see, in SQL (the filter is the one opportunity filter, filter-sql.ts). Its
// CSV export (export.ts) reads the same rows in the same order.
import { database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { weightedAmount } from "@/lib/domain/money";
import type { OpportunityFilters, OpportunitySortField, OpportunityTableQuery } from "@/lib/validation/opportunity-list";
import type { Actor } from "../../auth/actor";
import { NEXT_ACTIVITY_JOIN, NEXT_ACTIVITY_JSON, type NextActivity } from "../../board/cards";
import { opportunityFilterSql } from "./filter-sql";

export interface OpportunityRow {
  id: string;
  title: string;
  accountName: string | null;
  stageName: string;
  stageColor: string;
  status: "OPEN" | "WON" | "LOST";
  amount: string;
  weightedAmount: string;
  currency: string;
  ownerName: string;
  expectedCloseDate: string | null;
  isPrivate: boolean;
  nextActivity: NextActivity | null;
}

export interface OpportunityTablePage {
  rows: OpportunityRow[];
  total: number;
  page: number;
  pageCount: number;
}

export type Dir = "asc" | "desc";

/**
 * The rows with what the table sorts and shows of their relations: account
 * `a` (none for some), stage `s`, pipeline `p`, owner `u`, next open activity `na` (none for some).
 */
export const TABLE_SOURCE = Prisma.sql`"Opportunity" o
  LEFT JOIN "Account" a ON a."id" = o."accountId" JOIN "Stage" s ON s."id" = o."stageId"
  JOIN "Pipeline" p ON p."id" = o."pipelineId" JOIN "User" u ON u."id" = o."ownerId" ${Prisma.raw(NEXT_ACTIVITY_JOIN)}`;

const ORDER: Record<OpportunitySortField, (dir: string) => string> = {
  title: (d) => `o."title" ${d}`,
  account: (d) => `a."name" ${d}`,
  stage: (d) => `p."position" ${d}, s."position" ${d}`,
  amount: (d) => `o."baseAmount" ${d}`,
  owner: (d) => `u."name" ${d}`,
  expectedCloseDate: (d) => `o."expectedCloseDate" ${d} NULLS LAST`,
  createdAt: (d) => `o."createdAt" ${d}`,
  // Deals with nothing planned last, whichever way; then in due order (lib/domain/activities.ts compareDue).
  nextActivity: (d) => `(na."id" IS NULL) ASC, na."dueDate" ${d} NULLS LAST, na."dueTime" ${d} ${d === "ASC" ? "NULLS FIRST" : "NULLS LAST"}`,
};

/** The table's filter (its one label as a list) on the rows the actor may see. */
export function tableConditionSql(actor: Actor, filters: OpportunityFilters): Prisma.Sql {
  const { label, ...rest } = filters;
  return opportunityFilterSql(actor, { ...rest, labels: label ? [label] : undefined });
}

/** ORDER BY the sort column(s), then the id in the same direction. */
export function tableOrderSql(sort: OpportunitySortField, dir: Dir): Prisma.Sql {
  const d = dir === "asc" ? "ASC" : "DESC";
  return Prisma.raw(`${ORDER[sort](d)}, o."id" ${d}`);
}

type TableRow = Omit<OpportunityRow, "weightedAmount"> & { probability: number };

export async function listOpportunityTable(actor: Actor, query: OpportunityTableQuery): Promise<OpportunityTablePage> {
  const where = tableConditionSql(actor, query.filters);
  const count = Prisma.sql`SELECT count(*)::int AS "total" FROM "Opportunity" o WHERE ${where}`;
  const [{ total }] = await database().query<{ total: number }>(count.text, count.values);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const select = Prisma.sql`
    SELECT o."id", o."title", a."name" AS "accountName", s."name" AS "stageName", s."color" AS "stageColor",
      o."status"::text AS "status", o."amount"::text AS "amount", o."probability", o."currencyCode" AS "currency",
      u."name" AS "ownerName", to_char(o."expectedCloseDate", 'YYYY-MM-DD') AS "expectedCloseDate", o."isPrivate",
      ${Prisma.raw(NEXT_ACTIVITY_JSON)} AS "nextActivity"
    FROM ${TABLE_SOURCE} WHERE ${where}
    ORDER BY ${tableOrderSql(query.sort, query.dir)} LIMIT ${query.pageSize}::int OFFSET ${(page - 1) * query.pageSize}::int`;
  const rows = await database().query<TableRow>(select.text, select.values);
  return {
    total,
    page,
    pageCount,
    rows: rows.map(({ probability, ...row }) => ({ ...row, weightedAmount: weightedAmount(row.amount, probability) })),
  };
}
