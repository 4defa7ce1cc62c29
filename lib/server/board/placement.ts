// Where a moved card lands inside its target column. The client names the
// neighbours it dropped the card between; the key is computed from the
// column as it is NOW, so a neighbour that someone else moved meanwhile
// never produces an out-of-order key (position moves commute).
import { Prisma } from "@/lib/db/generated/client";
import { rankBetween, ranksForCount } from "@/lib/domain/rank";

type Tx = Prisma.TransactionClient;

export interface PlacementRequest {
  opportunityId: string;
  stageId: string;
  beforeId: string | null;
  afterId: string | null;
}

interface Neighbours {
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
 * Every key the placement may need, read in ONE query (each lookup is an
 * index probe on (stageId, rank, id)), so a move costs one round trip here.
 * The moving card itself is never a neighbour.
 */
async function readNeighbours(tx: Tx, req: PlacementRequest): Promise<Neighbours> {
  const others = Prisma.sql`x."stageId" = ${req.stageId} AND x."id" <> ${req.opportunityId}`;
  const [row] = await tx.$queryRaw<Neighbours[]>`
    SELECT b."rank" AS "beforeRank",
      (SELECT x."rank" FROM "Opportunity" x WHERE ${others} AND x."rank" > b."rank" ORDER BY x."rank", x."id" LIMIT 1) AS "belowBefore",
      a."rank" AS "afterRank",
      (SELECT x."rank" FROM "Opportunity" x WHERE ${others} AND x."rank" < a."rank" ORDER BY x."rank" DESC, x."id" DESC LIMIT 1) AS "aboveAfter",
      (SELECT x."rank" FROM "Opportunity" x WHERE ${others} ORDER BY x."rank" DESC, x."id" DESC LIMIT 1) AS "lastRank"
    FROM (SELECT 1) AS one
      LEFT JOIN "Opportunity" b ON b."id" = ${req.beforeId}::text AND b."stageId" = ${req.stageId} AND b."id" <> ${req.opportunityId}
      LEFT JOIN "Opportunity" a ON a."id" = ${req.afterId}::text AND a."stageId" = ${req.stageId} AND a."id" <> ${req.opportunityId}`;
  return row;
}

/**
 * The rank key for the card. Anchored on the card above when it is still in
 * the column (the next distinct key below it is read from the database), else
 * on the card below, else the card goes to the end of the column.
 */
export async function rankForPlacement(tx: Tx, req: PlacementRequest): Promise<string> {
  const n = await readNeighbours(tx, req);
  if (n.beforeRank !== null) return rankBetween(n.beforeRank, n.belowBefore);
  if (n.afterRank !== null) return rankBetween(n.aboveAfter, n.afterRank);
  return rankBetween(n.lastRank, null);
}

/** Keys longer than this trigger a re-key of the column (see rebalanceColumn). */
export const REBALANCE_AT = 48;

/**
 * Rewrites every key of a column evenly, keeping its order (rank, then id).
 * A move needs it only after hundreds of drops into the same gap, which
 * halve that gap each time; it keeps keys short for good. Ranks are
 * position, not data, so versions stay as they are.
 */
export async function rebalanceColumn(tx: Tx, stageId: string): Promise<void> {
  const cards = await tx.opportunity.findMany({ where: { stageId }, orderBy: [{ rank: "asc" }, { id: "asc" }], select: { id: true } });
  const ranks = ranksForCount(cards.length);
  await tx.$executeRaw`UPDATE "Opportunity" AS o SET "rank" = k.rank
    FROM unnest(${cards.map((c) => c.id)}::text[], ${ranks}::text[]) AS k(id, rank) WHERE o."id" = k.id`;
}
