// Rank keys order cards inside a column (fractional indexing): placing a card
// between two neighbours writes one key and never renumbers the column.
// Cards with equal keys (two people dropping into the same gap at once) are
// ordered by id, so every reader sees the same order.
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/** Keys are plain ASCII; a well-kept board stays far below this (see tests/unit/rank.test.ts). */
export const MAX_RANK_LENGTH = 64;

export function rankBetween(before: string | null, after: string | null): string {
  // Equal neighbours (a tie broken by id) cannot take a key between them;
  // placing after the lower one keeps the order stable.
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}

export function ranksForCount(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

/** `count` keys after the column's last key, for appending many cards in order. */
export function ranksAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count);
}

export interface Ranked {
  id: string;
  rank: string;
}

/** The board's order: rank bytewise (as COLLATE "C" sorts), ties broken by id. */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The neighbours a card dropped at `index` of `column` (which no longer holds
 * it) sits between: the card above is `beforeId`, the one below `afterId`.
 */
export function neighboursAt<T extends { id: string }>(column: readonly T[], index: number): { beforeId: string | null; afterId: string | null } {
  const at = Math.max(0, Math.min(index, column.length));
  return { beforeId: column[at - 1]?.id ?? null, afterId: column[at]?.id ?? null };
}
