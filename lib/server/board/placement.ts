// Where a moved card lands inside its target column. The client names the
// neighbours it dropped the card between; the key is computed from the
// column as it is NOW, so a neighbour that someone else moved meanwhile
// never produces an out-of-order key (position moves commute).
import type { Prisma } from "@/lib/db/generated/client";
import { rankBetween, ranksForCount } from "@/lib/domain/rank";

type Tx = Prisma.TransactionClient;

export interface PlacementRequest {
  opportunityId: string;
  stageId: string;
  beforeId: string | null;
  afterId: string | null;
}

async function rankIn(tx: Tx, stageId: string, id: string | null, movingId: string): Promise<string | null> {
  if (!id || id === movingId) return null;
  const row = await tx.opportunity.findFirst({ where: { id, stageId }, select: { rank: true } });
  return row?.rank ?? null;
}

async function firstRank(tx: Tx, where: Prisma.OpportunityWhereInput, dir: "asc" | "desc"): Promise<string | null> {
  const row = await tx.opportunity.findFirst({ where, orderBy: [{ rank: dir }, { id: dir }], select: { rank: true } });
  return row?.rank ?? null;
}

/**
 * The rank key for the card. Anchored on the card above when it is still in
 * the column (the next distinct key below it is read from the database), else
 * on the card below, else the card goes to the end of the column.
 */
export async function rankForPlacement(tx: Tx, req: PlacementRequest): Promise<string> {
  const others: Prisma.OpportunityWhereInput = { stageId: req.stageId, id: { not: req.opportunityId } };
  const beforeRank = await rankIn(tx, req.stageId, req.beforeId, req.opportunityId);
  if (beforeRank !== null) {
    const next = await firstRank(tx, { ...others, rank: { gt: beforeRank } }, "asc");
    return rankBetween(beforeRank, next);
  }
  const afterRank = await rankIn(tx, req.stageId, req.afterId, req.opportunityId);
  if (afterRank !== null) {
    const previous = await firstRank(tx, { ...others, rank: { lt: afterRank } }, "desc");
    return rankBetween(previous, afterRank);
  }
  return rankBetween(await firstRank(tx, others, "desc"), null);
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
