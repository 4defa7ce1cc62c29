// Who may see an event, decided from what the event itself stores (written
// with it, see write.ts), never from the record, which may have changed or be
// gone. The one rule for the feed, webhooks and live updates:
// - the full event: managers and admins, everyone when it is not private,
//   else the users listed in visibleTo (owner and members at the time);
// - "<record>.hidden" (a tombstone): those who could see the record before
//   the change but no longer can, so they drop it;
// - nothing at all for anyone else, not even the record's id.
import { Prisma } from "@/lib/db/generated/client";
import { seesEverything, type Actor } from "../auth/actor";

/** The reader as SQL expressions: a user id and whether that user sees everything. */
export interface ViewerSql {
  userId: Prisma.Sql;
  seesEverything: Prisma.Sql;
}

export const viewerOf = (actor: Actor): ViewerSql => ({
  userId: Prisma.sql`${actor.id}::text`,
  seesEverything: Prisma.sql`${seesEverything(actor)}::boolean`,
});

/** A user row `alias` (a webhook endpoint's owner) as the reader. */
export const viewerOfUserRow = (alias: string): ViewerSql => ({
  userId: Prisma.raw(`${alias}."id"`),
  seesEverything: Prisma.raw(`${alias}."role" IN ('ADMIN', 'MANAGER')`),
});

/** True when the reader sees the event `e` in full. */
export function seesEventSql(v: ViewerSql, e = "e"): Prisma.Sql {
  const a = Prisma.raw(e);
  return Prisma.sql`(${v.seesEverything} OR NOT ${a}."isPrivate" OR ${v.userId} = ANY(${a}."visibleTo"))`;
}

/** The type the reader receives for event `e`: its own, "<record>.hidden", or NULL (nothing). */
export function projectedTypeSql(v: ViewerSql, e = "e"): Prisma.Sql {
  const a = Prisma.raw(e);
  return Prisma.sql`CASE WHEN ${seesEventSql(v, e)} THEN ${a}."type"
    WHEN ${a}."priorPrivate" IS NOT NULL AND (NOT ${a}."priorPrivate" OR ${v.userId} = ANY(${a}."priorVisibleTo"))
      THEN ${a}."recordType" || '.hidden' END`;
}
