import type { OpportunityTableQuery } from "@/lib/validation/opportunity-list";

/** The table URL with some of its state changed; defaults are left out to keep URLs short. */
export function tableHref(query: OpportunityTableQuery, change: Partial<OpportunityTableQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.sort !== "createdAt") params.set("sort", next.sort);
  if (!(next.sort === "createdAt" && next.dir === "desc") && !(next.sort !== "createdAt" && next.dir === "asc")) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.pageSize !== 25) params.set("pageSize", String(next.pageSize));
  const qs = params.toString();
  return qs ? `/opportunities?${qs}` : "/opportunities";
}
