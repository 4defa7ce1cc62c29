// Who may see which opportunity, built in one place and applied to every read,
// list, count, sum and export. A private opportunity is seen by its owner, its
// members, managers and admins; everything else is seen by everyone.
// The same rule exists twice: as a Prisma where (for the client) and as a SQL
// fragment (for raw aggregates); tests/integration/visibility-sql.test.ts
// proves both select the same rows.
import { Prisma } from "@/lib/db/generated/client";
import { seesEverything, type Actor } from "./auth/actor";

export function visibleOpportunities(actor: Actor): Prisma.OpportunityWhereInput {
  if (seesEverything(actor)) return {};
  return {
    OR: [{ isPrivate: false }, { ownerId: actor.id }, { members: { some: { userId: actor.id } } }],
  };
}

const SQL_ALIAS = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The visibility rule as a boolean SQL condition on the Opportunity row aliased `alias`. */
export function visibleOpportunitiesSql(actor: Actor, alias: string): Prisma.Sql {
  // The alias is spliced into SQL as an identifier, so only plain identifiers are accepted.
  if (!SQL_ALIAS.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  if (seesEverything(actor)) return Prisma.sql`TRUE`;
  const o = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${o}."isPrivate" = FALSE OR ${o}."ownerId" = ${actor.id} OR EXISTS (SELECT 1 FROM "OpportunityMember" vm WHERE vm."opportunityId" = ${o}."id" AND vm."userId" = ${actor.id}))`;
}

/**
 * The same rule from the other side: a subquery of the ids of the opportunities
 * the actor may NOT see (private, owned by someone else, not a member), or null
 * when the actor sees everything. For large tables keyed by opportunity (stage
 * history), `"opportunityId" NOT IN (...)` lets PostgreSQL hash this small set
 * once per query instead of probing Opportunity for every row.
 */
export function hiddenOpportunityIdsSql(actor: Actor): Prisma.Sql | null {
  if (seesEverything(actor)) return null;
  return Prisma.sql`SELECT h."id" FROM "Opportunity" h WHERE h."isPrivate" = TRUE AND h."ownerId" <> ${actor.id} AND h."id" NOT IN (SELECT hm."opportunityId" FROM "OpportunityMember" hm WHERE hm."userId" = ${actor.id})`;
}
