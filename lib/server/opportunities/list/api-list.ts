// The API's opportunity list: full DTOs, filters and sorting of issue 8,
// always inside the actor's visibility.
import { database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../../auth/actor";
import { opportunityFilterSql, type OpportunityFilter } from "./filter-sql";
import { dtoJsonSql, relationsOfSetSql, SET_DTO_COLUMNS, type OpportunityDto } from "../read/dto";
import { statementName } from "@/lib/db/statement-names";

export const API_SORT_FIELDS = ["createdAt", "updatedAt", "expectedCloseDate", "amount", "title"] as const;
export type ApiSortField = (typeof API_SORT_FIELDS)[number];

/** The API's query filters: the opportunity filter's, with one label. */
export type OpportunityApiFilters = Pick<
  OpportunityFilter,
  "pipelineId" | "stageId" | "status" | "ownerId" | "assigneeId" | "accountId" | "q" | "expectedCloseFrom" | "expectedCloseTo" | "updatedSince"
> & { label?: string };

const SORT_COLUMNS: Record<ApiSortField, string> = {
  createdAt: "createdAt",
  updatedAt: "updatedAt",
  expectedCloseDate: "expectedCloseDate",
  amount: "baseAmount", // amounts sort by their value in the base currency
  title: "title",
};

/**
 * ORDER BY the sort key `key`, then the id `id` as tiebreak in the same
 * direction; missing close dates come last either way. Both are fixed SQL
 * expressions from the caller, never input.
 */
function orderSql(key: string, id: string, field: ApiSortField, dir: "asc" | "desc"): Prisma.Sql {
  const d = dir === "asc" ? "ASC" : "DESC";
  return Prisma.raw(`${key} ${d}${field === "expectedCloseDate" ? " NULLS LAST" : ""}, ${id} ${d}`);
}

/**
 * The page and the total in one statement: the page's ids and sort keys and
 * the count of all matching rows (a window over the filtered set, before
 * LIMIT), then the DTOs of just those rows, in page order. A page past the
 * end has no row to carry the total: a count then answers it (a client
 * paging beyond the last page, rare).
 */
function pageSql(condition: Prisma.Sql, sort: { field: ApiSortField; dir: "asc" | "desc" }, window: { skip: number; take: number }): Prisma.Sql {
  const column = `"${SORT_COLUMNS[sort.field]}"`;
  const order = orderSql(`o.${column}`, `o."id"`, sort.field, sort.dir);
  const pageOrder = orderSql(`page."k"`, `page."id"`, sort.field, sort.dir);
  return Prisma.sql`
    WITH page AS (
      SELECT o."id", o.${Prisma.raw(column)} AS "k", count(*) OVER () AS "total"
      FROM "Opportunity" o WHERE ${condition}
      ORDER BY ${order} LIMIT ${window.take}::int OFFSET ${window.skip}::int
    ), ${Prisma.raw(relationsOfSetSql("page"))}
    SELECT ${Prisma.raw(dtoJsonSql(SET_DTO_COLUMNS))} AS "dto", page."total"::int AS "total"
    FROM page JOIN "Opportunity" o ON o."id" = page."id"
      LEFT JOIN mm ON mm."opportunityId" = page."id" LEFT JOIN cc ON cc."opportunityId" = page."id"
    ORDER BY ${pageOrder}`;
}

/** The page as each DTO's JSON text (the API passes it through as is) and the total. */
export async function listOpportunityJsonForApi(
  actor: Actor,
  filters: OpportunityApiFilters,
  sort: { field: ApiSortField; dir: "asc" | "desc" },
  window: { skip: number; take: number },
): Promise<{ total: number; json: string[] }> {
  const { label, ...rest } = filters;
  const condition = opportunityFilterSql(actor, { ...rest, labels: label ? [label] : undefined });
  const query = pageSql(condition, sort, window);
  const page = await database().queryArrays(query.text, query.values, statementName(query.text));
  if (page.length > 0) return { total: page[0][1] as number, json: page.map((row) => row[0] as string) };
  if (window.skip === 0) return { total: 0, json: [] };
  const count = Prisma.sql`SELECT count(*)::int AS "total" FROM "Opportunity" o WHERE ${condition}`;
  const [{ total }] = await database().query<{ total: number }>(count.text, count.values);
  return { total, json: [] };
}

/** The same page as DTO objects. */
export async function listOpportunitiesForApi(...args: Parameters<typeof listOpportunityJsonForApi>): Promise<{ total: number; rows: OpportunityDto[] }> {
  const { total, json } = await listOpportunityJsonForApi(...args);
  return { total, rows: json.map((text) => JSON.parse(text) as OpportunityDto) };
}
