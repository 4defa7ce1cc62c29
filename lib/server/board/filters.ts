// The SQL condition for the board's cards: what the actor may see
// (visibility.ts, always) narrowed by the filters in the URL. Totals and
// pages use the same condition, so totals follow the filters. It is SQL, not
// a Prisma where, because the board reads every column in one raw query (the
// client-side cost of one Prisma query per column dominated the board's time).
// Every input is a bound parameter; only fixed identifiers are spliced.
import { Prisma } from "@/lib/db/generated/client";
import type { BoardFilters } from "@/lib/validation/board";
import type { Actor } from "../auth/actor";
import { visibleOpportunitiesSql } from "../visibility";

/** `contains`, literally: LIKE's wildcards and escape character in the text match themselves. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The condition on Opportunity `o` joined to its Account `a` (LEFT JOIN, for
 * the text search on the account's name).
 */
export interface BoardCondition {
  sql: Prisma.Sql;
  /** True when text or labels narrow the cards to a small share (cards.ts picks its scan by it). */
  selective: boolean;
}

export function boardConditionSql(actor: Actor, filters: BoardFilters): BoardCondition {
  const and: Prisma.Sql[] = [visibleOpportunitiesSql(actor, "o")];
  if (filters.owner) and.push(Prisma.sql`o."ownerId" = ${filters.owner === "me" ? actor.id : filters.owner}`);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    and.push(Prisma.sql`(o."title" ILIKE ${pattern} OR a."name" ILIKE ${pattern})`);
  }
  if (filters.closeFrom) and.push(Prisma.sql`o."expectedCloseDate" >= ${filters.closeFrom}::date`);
  if (filters.closeTo) and.push(Prisma.sql`o."expectedCloseDate" <= ${filters.closeTo}::date`);
  if (filters.labels.length) and.push(Prisma.sql`o."labels" && ${filters.labels}::text[]`);
  return { sql: Prisma.join(and, " AND "), selective: Boolean(filters.q) || filters.labels.length > 0 };
}
