// The Opportunities table's URL state. Unknown or malformed values fall back
// to defaults: a hand-edited URL never breaks the page.
import { z } from "zod";
import { isIsoDate } from "./opportunity-fields";
import { queryInteger } from "./query-integer";

export const OPPORTUNITY_SORT_FIELDS = ["title", "account", "stage", "amount", "owner", "expectedCloseDate", "createdAt", "nextActivity"] as const;
export type OpportunitySortField = (typeof OPPORTUNITY_SORT_FIELDS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const opportunityTableQuerySchema = z.object({
  sort: z.enum(OPPORTUNITY_SORT_FIELDS).catch("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: queryInteger(1, 100_000).catch(1),
  pageSize: queryInteger(1, 100)
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
});

const optionalId = z.string().trim().min(1).max(64).optional().catch(undefined);
const optionalDate = z.string().refine(isIsoDate).optional().catch(undefined);

/** Filters shared by the table, its CSV export and bulk selection. Bad values are ignored, not errors. */
export const opportunityFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  pipelineId: optionalId,
  stageId: optionalId,
  status: z.enum(["OPEN", "WON", "LOST"]).optional().catch(undefined),
  ownerId: optionalId,
  assigneeId: optionalId,
  label: z.string().trim().min(1).max(40).optional().catch(undefined),
  /** On the close date: the expected one for open deals, the actual one for won and lost deals. */
  closeFrom: optionalDate,
  closeTo: optionalDate,
  forecastCategory: z.enum(["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"]).optional().catch(undefined),
  /** One custom field's value, as "<key>:<value>". */
  field: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}:.{1,200}$/)
    .optional()
    .catch(undefined),
  /** "none": no open activity; "overdue": an open activity past due. */
  activity: z.enum(["none", "overdue"]).optional().catch(undefined),
});
export type OpportunityFilters = Partial<z.infer<typeof opportunityFilterSchema>>;
export const FILTER_KEYS = ["q", "pipelineId", "stageId", "status", "ownerId", "assigneeId", "label", "closeFrom", "closeTo", "forecastCategory", "field", "activity"] as const;

/** Splits a `field` filter into the custom field's key and the wanted value. */
export function customFieldFilter(field: string): { key: string; value: string } {
  const at = field.indexOf(":");
  return { key: field.slice(0, at), value: field.slice(at + 1) };
}

export type OpportunityTableQuery = z.infer<typeof opportunityTableQuerySchema> & { filters: OpportunityFilters };

export function parseOpportunityTableQuery(params: Record<string, string | string[] | undefined>): OpportunityTableQuery {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const table = opportunityTableQuerySchema.parse({
    sort: single.sort,
    dir: single.dir ?? (single.sort && single.sort !== "createdAt" ? "asc" : "desc"),
    page: single.page,
    pageSize: single.pageSize,
  });
  return { ...table, filters: parseOpportunityFilters(single) };
}

export function parseOpportunityFilters(single: Record<string, string | undefined>): OpportunityFilters {
  const parsed = opportunityFilterSchema.parse(Object.fromEntries(FILTER_KEYS.map((k) => [k, single[k]])));
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as OpportunityFilters;
}
