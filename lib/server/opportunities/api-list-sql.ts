// The API list's filters and sort orders as SQL on Opportunity `o`: the same
// rows and order as the Prisma query they replaced (the Prisma query builder
// cost about 1 ms of CPU per page; BENCHMARKS.md, REST API).
// tests/integration/opportunity-api-list.test.ts compares them with the Prisma
// conditions on both databases. Every input is a bound parameter, cast to its
// column's type (Prisma's raw queries on PGlite send typed parameters); only
// fixed identifiers are spliced.
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { visibleOpportunitiesSql } from "../visibility";
import type { ApiSortField, OpportunityApiFilters } from "./api-list";

/**
 * Prisma's `contains` with `mode: "insensitive"` is ILIKE '%text%' without
 * escaping: `%` and `_` in the text stay wildcards there, and so they do here.
 */
const containsPattern = (text: string) => `%${text}%`;

function searchSql(q: string): Prisma.Sql {
  const p = containsPattern(q);
  return Prisma.sql`(o."title" ILIKE ${p}
    OR EXISTS (SELECT 1 FROM "Account" qa WHERE qa."id" = o."accountId" AND qa."name" ILIKE ${p})
    OR EXISTS (SELECT 1 FROM "OpportunityContact" qoc JOIN "Contact" qc ON qc."id" = qoc."contactId"
               WHERE qoc."opportunityId" = o."id" AND (qc."firstName" ILIKE ${p} OR qc."lastName" ILIKE ${p} OR qc."email" ILIKE ${p})))`;
}

/** The actor's visibility (always) and the filters, as one boolean condition. */
export function apiListConditionSql(actor: Actor, f: OpportunityApiFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [visibleOpportunitiesSql(actor, "o")];
  if (f.pipelineId) and.push(Prisma.sql`o."pipelineId" = ${f.pipelineId}::text`);
  if (f.stageId) and.push(Prisma.sql`o."stageId" = ${f.stageId}::text`);
  if (f.status) and.push(Prisma.sql`o."status" = ${f.status}::text::"OpportunityStatus"`);
  if (f.ownerId) and.push(Prisma.sql`o."ownerId" = ${f.ownerId}::text`);
  if (f.accountId) and.push(Prisma.sql`o."accountId" = ${f.accountId}::text`);
  if (f.label) and.push(Prisma.sql`o."labels" @> ARRAY[${f.label}::text]`);
  if (f.expectedCloseFrom) and.push(Prisma.sql`o."expectedCloseDate" >= ${f.expectedCloseFrom}::date`);
  if (f.expectedCloseTo) and.push(Prisma.sql`o."expectedCloseDate" <= ${f.expectedCloseTo}::date`);
  // Through a Date, as Prisma did: the instant at millisecond precision, whatever offset was sent.
  if (f.updatedSince) and.push(Prisma.sql`o."updatedAt" >= ${new Date(f.updatedSince).toISOString()}::timestamptz`);
  if (f.q) and.push(searchSql(f.q));
  return Prisma.join(and, " AND ");
}

const SORT_COLUMNS: Record<ApiSortField, string> = {
  createdAt: "createdAt",
  updatedAt: "updatedAt",
  expectedCloseDate: "expectedCloseDate",
  amount: "baseAmount", // amounts sort by their value in the base currency
  title: "title",
};

/** The column a list sorts by, as a quoted identifier. */
export const sortColumnSql = (field: ApiSortField) => `"${SORT_COLUMNS[field]}"`;

/**
 * ORDER BY the sort key `key`, then the id `id` as tiebreak in the same
 * direction; missing close dates come last either way. Both are fixed SQL
 * expressions from the caller, never input.
 */
export function apiListOrderSql(key: string, id: string, field: ApiSortField, dir: "asc" | "desc"): string {
  const d = dir === "asc" ? "ASC" : "DESC";
  return `${key} ${d}${field === "expectedCloseDate" ? " NULLS LAST" : ""}, ${id} ${d}`;
}
