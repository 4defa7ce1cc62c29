// The board's URL filters (owner, text, close dates, labels, planned activity) as the one opportunity filter (opportunities/list/
// filter-sql.ts), which also applies what the actor may see. Totals and pages
// use the same condition, so totals follow the filters. The board reads every
// column in one raw query, so the condition is SQL, on Opportunity `o`.
import type { Prisma } from "@/lib/db/generated/client";
import type { BoardFilters } from "@/lib/validation/board";
import type { Actor } from "../auth/actor";
import { opportunityFilterSql } from "../opportunities/list/filter-sql";

export interface BoardCondition {
  sql: Prisma.Sql;
  /** True when text or labels narrow the cards to a small share (cards.ts picks its scan by it). */
  selective: boolean;
}

export function boardConditionSql(actor: Actor, filters: BoardFilters): BoardCondition {
  const sql = opportunityFilterSql(actor, {
    ownerId: filters.owner === "me" ? actor.id : filters.owner || undefined,
    q: filters.q || undefined,
    closeFrom: filters.closeFrom ?? undefined,
    closeTo: filters.closeTo ?? undefined,
    labels: filters.labels,
    activity: filters.activity ?? undefined,
  });
  return { sql, selective: Boolean(filters.q) || filters.labels.length > 0 || filters.activity === "overdue" };
}
