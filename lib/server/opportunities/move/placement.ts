// Where a moved card lands inside its target column. The client names the
// neighbours it dropped the card between; the key is computed from the
// column as it is NOW, so a neighbour that someone else moved meanwhile
// never produces an out-of-order key (position moves commute). Keys are
// jittered, so parallel drops into one gap never share a key; equal keys met
// at the drop (older data) are resolved by re-keying the column first.
import { prisma } from "@/lib/db";
import { SYSTEM } from "../../events/write";
import { changingOpportunities } from "../events";
import { Prisma } from "@/lib/db/generated/client";
import { jitteredRankBetween, ranksForCount } from "@/lib/domain/rank";

export interface PlacementRequest {
  opportunityId: string;
  stageId: string;
  beforeId: string | null;
  afterId: string | null;
}

export interface Neighbours {
  /** The anchor card above, if it is still in the column, and the key of the card right after it (board order). */
  beforeRank: string | null;
  belowBefore: string | null;
  /** The anchor card below, if it is still in the column, and the key of the card right before it. */
  afterRank: string | null;
  aboveAfter: string | null;
  /** The column's last key (for a drop with no anchor left). */
  lastRank: string | null;
}

/**
 * Every key the placement may need, as columns named like Neighbours, for the
 * move's single read statement (move-read.ts). Each is an index probe on
 * (stageId, rank, id); "right after" and "right before" follow the board's
 * order (rank, then id), so a neighbour with the anchor's own key shows as a
 * tie; the moving card itself is never a neighbour.
 */
export function neighboursSql(req: PlacementRequest): Prisma.Sql {
  const others = Prisma.sql`x."stageId" = ${req.stageId} AND x."id" <> ${req.opportunityId}`;
  const anchor = (id: string | null) =>
    Prisma.sql`(SELECT x."rank" FROM "Opportunity" x WHERE x."id" = ${id}::text AND ${others})`;
  return Prisma.sql`
    ${anchor(req.beforeId)} AS "beforeRank",
    (SELECT x."rank" FROM "Opportunity" x WHERE ${others} AND (x."rank", x."id") > (${anchor(req.beforeId)}, ${req.beforeId}::text)
      ORDER BY x."rank", x."id" LIMIT 1) AS "belowBefore",
    ${anchor(req.afterId)} AS "afterRank",
    (SELECT x."rank" FROM "Opportunity" x WHERE ${others} AND (x."rank", x."id") < (${anchor(req.afterId)}, ${req.afterId}::text)
      ORDER BY x."rank" DESC, x."id" DESC LIMIT 1) AS "aboveAfter",
    (SELECT x."rank" FROM "Opportunity" x WHERE ${others} ORDER BY x."rank" DESC, x."id" DESC LIMIT 1) AS "lastRank"`;
}

/**
 * The rank key for the card: right after the card above when it is still in
 * the column, else right before the card below, else at the end; with random
 * trailing digits, so that concurrent drops into one gap get distinct keys.
 * Null when the anchor and its neighbour share a key: no key lies between
 * equal keys, so the column must be re-keyed first (rebalanceColumn) for the
 * card to land exactly where it was dropped.
 */
export function rankFromNeighbours(n: Neighbours): string | null {
  if (n.beforeRank !== null) return n.belowBefore === n.beforeRank ? null : jitteredRankBetween(n.beforeRank, n.belowBefore);
  if (n.afterRank !== null) return n.aboveAfter === n.afterRank ? null : jitteredRankBetween(n.aboveAfter, n.afterRank);
  return jitteredRankBetween(n.lastRank, null);
}

/** Keys longer than this trigger a re-key of the column (see rebalanceColumn). */
export const REBALANCE_AT = 48;

/**
 * Rewrites every key of a column evenly, keeping its order (rank, then id),
 * and returns the new keys by card id. A move needs it only after hundreds of
 * drops into the same gap, which halve that gap each time, or when it meets
 * equal keys (a tie) at its drop or after its write. It runs in its own
 * transaction, never inside a move's write, so a move itself always writes
 * exactly one opportunity row (and one history row); ranks are position, not
 * data, so versions stay as they are (each card still gets an event naming
 * its new key, written by no user). The column's rows are locked in board
 * order, so two re-keys of one column run one after the other.
 */
export async function rebalanceColumn(stageId: string): Promise<Map<string, string>> {
  return prisma().$transaction(async (tx) => {
    const cards = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Opportunity" WHERE "stageId" = ${stageId} ORDER BY "rank", "id" FOR UPDATE`;
    const ids = cards.map((c) => c.id);
    const ranks = ranksForCount(ids.length);
    await changingOpportunities(tx, ids, SYSTEM, new Date(), () => tx.$executeRaw`UPDATE "Opportunity" AS o SET "rank" = k.rank
      FROM unnest(${ids}::text[], ${ranks}::text[]) AS k(id, rank) WHERE o."id" = k.id AND o."rank" IS DISTINCT FROM k.rank`);
    return new Map(ids.map((id, k) => [id, ranks[k]]));
  });
}
