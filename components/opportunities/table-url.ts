import { FILTER_KEYS, type OpportunityTableQuery } from "@/lib/validation/opportunity-list";

/** The table's query string with some of its state changed; defaults are left out to keep URLs short. */
export function tableParams(query: OpportunityTableQuery, change: Partial<OpportunityTableQuery>): URLSearchParams {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = next.filters[key];
    if (value) params.set(key, value);
  }
  if (next.sort !== "createdAt") params.set("sort", next.sort);
  if (!(next.sort === "createdAt" && next.dir === "desc") && !(next.sort !== "createdAt" && next.dir === "asc")) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.pageSize !== 25) params.set("pageSize", String(next.pageSize));
  return params;
}

export function tableHref(query: OpportunityTableQuery, change: Partial<OpportunityTableQuery>): string {
  const qs = tableParams(query, change).toString();
  return qs ? `/opportunities?${qs}` : "/opportunities";
}

/** The CSV export of exactly what the table shows (all pages). */
export function exportHref(query: OpportunityTableQuery): string {
  const params = tableParams(query, { page: 1, pageSize: 25 });
  const qs = params.toString();
  return qs ? `/opportunities/export?${qs}` : "/opportunities/export";
}
