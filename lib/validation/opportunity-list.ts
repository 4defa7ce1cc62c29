// The Opportunities table's URL state. Unknown or malformed values fall back
// to defaults: a hand-edited URL never breaks the page.
import { z } from "zod";

export const OPPORTUNITY_SORT_FIELDS = ["title", "account", "stage", "amount", "owner", "expectedCloseDate", "createdAt"] as const;
export type OpportunitySortField = (typeof OPPORTUNITY_SORT_FIELDS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const opportunityTableQuerySchema = z.object({
  sort: z.enum(OPPORTUNITY_SORT_FIELDS).catch("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
});

export type OpportunityTableQuery = z.infer<typeof opportunityTableQuerySchema>;

export function parseOpportunityTableQuery(params: Record<string, string | string[] | undefined>): OpportunityTableQuery {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return opportunityTableQuerySchema.parse({
    sort: single.sort,
    dir: single.dir ?? (single.sort && single.sort !== "createdAt" ? "asc" : "desc"),
    page: single.page,
    pageSize: single.pageSize,
  });
}
