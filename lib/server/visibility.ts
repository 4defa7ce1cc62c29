// Who may see which opportunity, applied to every read, list, count, sum and
// export. Managers and admins see everything; anyone else sees a deal when
// any of the grounds below holds. The rule is written once, as that list of
// grounds, and each form a query needs is generated from it: a Prisma where
// (for the client), a boolean SQL condition (for raw queries) and the ids of
// the deals NOT visible (for large tables keyed by opportunity).
// tests/integration/visibility-sql.test.ts proves the three select the same rows.
import { Prisma } from "@/lib/db/generated/client";
import { seesEverything, type Actor } from "./auth/actor";

/** A ground for seeing a deal: a column of the deal, or a row of a related table, equal to a constant or to the actor's id. */
type Ground =
  | { column: "isPrivate" | "ownerId" | "assigneeId"; equals: boolean | "actor"; nullable?: true }
  | { relation: "members"; table: "OpportunityMember"; key: "opportunityId"; column: "userId"; equals: "actor" };

/** A deal is seen when it is not private, when the actor owns it, is assigned to it, or is one of its members. */
const SEEN_WHEN_ANY: readonly Ground[] = [
  { column: "isPrivate", equals: false },
  { column: "ownerId", equals: "actor" },
  { column: "assigneeId", equals: "actor", nullable: true },
  { relation: "members", table: "OpportunityMember", key: "opportunityId", column: "userId", equals: "actor" },
];

const valueFor = (equals: boolean | "actor", actor: Actor) => (equals === "actor" ? actor.id : equals);

function groundWhere(g: Ground, actor: Actor): Prisma.OpportunityWhereInput {
  if ("relation" in g) return { [g.relation]: { some: { [g.column]: actor.id } } };
  return { [g.column]: valueFor(g.equals, actor) };
}

/** The ground as SQL on the row aliased `o` (a raw identifier). Booleans are written as literals, ids as parameters. */
function groundSql(g: Ground, o: Prisma.Sql, actor: Actor, n: number): Prisma.Sql {
  const value = typeof g.equals === "boolean" ? Prisma.raw(g.equals ? "TRUE" : "FALSE") : Prisma.sql`${valueFor(g.equals, actor)}`;
  if (!("relation" in g)) return Prisma.sql`${o}.${Prisma.raw(`"${g.column}"`)} = ${value}`;
  const r = Prisma.raw(`v${n}`);
  return Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${g.table}"`)} ${r} WHERE ${r}.${Prisma.raw(`"${g.key}"`)} = ${o}."id" AND ${r}.${Prisma.raw(`"${g.column}"`)} = ${value})`;
}

export function visibleOpportunities(actor: Actor): Prisma.OpportunityWhereInput {
  if (seesEverything(actor)) return {};
  return { OR: SEEN_WHEN_ANY.map((g) => groundWhere(g, actor)) };
}

const SQL_ALIAS = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The visibility rule as a boolean SQL condition on the Opportunity row aliased `alias`. */
export function visibleOpportunitiesSql(actor: Actor, alias: string): Prisma.Sql {
  // The alias is spliced into SQL as an identifier, so only plain identifiers are accepted.
  if (!SQL_ALIAS.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  if (seesEverything(actor)) return Prisma.sql`TRUE`;
  const o = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${Prisma.join(SEEN_WHEN_ANY.map((g, n) => groundSql(g, o, actor, n)), " OR ")})`;
}

/**
 * The same rule from the other side: a subquery of the ids of the opportunities
 * the actor may NOT see (no ground holds), or null when the actor sees
 * everything. For large tables keyed by opportunity (stage history),
 * `"opportunityId" NOT IN (...)` lets PostgreSQL hash this small set once per
 * query instead of probing Opportunity for every row. Each ground is negated
 * on its own (AND of NOTs), so the planner turns the related one into an anti-join; a
 * ground on a nullable column is negated as IS NOT TRUE (NOT of a NULL comparison is NULL).
 */
const negatedSql = (g: Ground, sql: Prisma.Sql) => ("nullable" in g ? Prisma.sql`(${sql}) IS NOT TRUE` : Prisma.sql`NOT (${sql})`);

export function hiddenOpportunityIdsSql(actor: Actor): Prisma.Sql | null {
  if (seesEverything(actor)) return null;
  const h = Prisma.raw(`"h"`);
  return Prisma.sql`SELECT h."id" FROM "Opportunity" h WHERE ${Prisma.join(SEEN_WHEN_ANY.map((g, n) => negatedSql(g, groundSql(g, h, actor, n))), " AND ")}`;
}
