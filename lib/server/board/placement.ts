// Where a moved card lands inside its target column. The client names the
// neighbours it dropped the card between; the key is computed from the
// column as it is NOW, so a neighbour that someone else moved meanwhile
// never produces an out-of-order key (position moves commute).
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { rankBetween, ranksForCount } from "@/lib/domain/rank";

export interface PlacementRequest {
  opportunityId: string;
  stageId: string;
  beforeId: string | null;
  afterId: string | null;
}

export interface Neighbours {
  /** The anchor card above, if it is still in the column, and the next key below it. */
  beforeRank: string | null;
  belowBefore: string | null;
  /** The anchor card below, if it is still in the column, and the previous key above it. */
  afterRank: string | null;
  aboveAfter: string | null;
  /** The column's last key (for a drop with no anchor left). */
  lastRank: string | null;
}

/**
 * Every key the placement may need, as columns named like Neighbours, for the
 * move's single read statement (move-read.ts). Each is an index probe on
 * (stageId, rank, id); the moving card itself is never a neighbour.
 */
export function neighboursSql(req: PlacementRequest): Prisma.Sql {
  const others = Prisma.sql`x."stageId" = ${req.stageId} AND x."id" <> ${req.opportunityId}`;
  const anchor = (id: string | null) =>
    Prisma.sql`(SELECT x."rank" FROM "Opportunity" x WHERE x."id" = ${id}::text AND ${others})`;
  return Prisma.sql`
    ${anchor(req.beforeId)} AS "beforeRank",
    (SELECT x."rank" FROM "Opportunity" x WHERE ${others} AND x."rank" > ${anchor(req.beforeId)} ORDER BY x."rank", x."id" LIMIT 1) AS "belowBefore",
    ${anchor(req.afterId)} AS "afterRank",
    (SELECT x."rank" FROM "Opportunity" x WHERE ${others} AND x."rank" < ${anchor(req.afterId)} ORDER BY x."rank" DESC, x."id" DESC LIMIT 1) AS "aboveAfter",
    (SELECT x."rank" FROM "Opportunity" x WHERE ${others} ORDER BY x."rank" DESC, x."id" DESC LIMIT 1) AS "lastRank"`;
}

/**
 * The rank key for the card. Anchored on the card above when it is still in
 * the column (the next distinct key below it is read from the database), else
 * on the card below, else the card goes to the end of the column.
 */
export function rankFromNeighbours(n: Neighbours): string {
  if (n.beforeRank !== null) return rankBetween(n.beforeRank, n.belowBefore);
  if (n.afterRank !== null) return rankBetween(n.aboveAfter, n.afterRank);
  return rankBetween(n.lastRank, null);
}

/** Keys longer than this trigger a re-key of the column (see rebalanceColumn). */
export const REBALANCE_AT = 48;

/**
 * Rewrites every key of a column evenly, keeping its order (rank, then id),
 * and returns the new keys by card id. A move needs it only after hundreds of
 * drops into the same gap, which halve that gap each time. It runs in its own
 * transaction, after the move has committed, so a move itself always writes
 * exactly one opportunity row (and one history row); ranks are position, not
 * data, so versions stay as they are. The column's rows are locked in board
 * order, so two re-keys of one column run one after the other.
 */
export async function rebalanceColumn(stageId: string): Promise<Map<string, string>> {
  return prisma().$transaction(async (tx) => {
    const cards = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Opportunity" WHERE "stageId" = ${stageId} ORDER BY "rank", "id" FOR UPDATE`;
    const ids = cards.map((c) => c.id);
    const ranks = ranksForCount(ids.length);
    await tx.$executeRaw`UPDATE "Opportunity" AS o SET "rank" = k.rank
      FROM unnest(${ids}::text[], ${ranks}::text[]) AS k(id, rank) WHERE o."id" = k.id`;
    return new Map(ids.map((id, k) => [id, ranks[k]]));
  });
}
