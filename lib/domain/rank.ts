// Rank keys order cards inside a column (fractional indexing): placing a card
// between two neighbours writes one key and never renumbers the column.
// Keys written by the app carry random trailing digits (jitteredRankBetween),
// so two cards dropped into the same gap at once get different keys, as
// Figma and tldraw do. Cards with equal keys (older data, or 1 chance in
// 14 million) are ordered by id, so every reader sees the same order.
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/** Keys are plain ASCII; a well-kept board stays far below this (see tests/unit/rank.test.ts). */
export const MAX_RANK_LENGTH = 64;

export function rankBetween(before: string | null, after: string | null): string {
  // Equal neighbours (a tie broken by id) cannot take a key between them;
  // placing after the lower one keeps the order stable.
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}

/** fractional-indexing's digits, in byte order. */
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const JITTER_DIGITS = 4;

/**
 * A key strictly between `before` and `after` (as rankBetween) followed by
 * JITTER_DIGITS random digits, none of them "0" (a key never ends in 0): two
 * keys made at once for the same gap differ unless all 4 digits agree (1 in
 * 61^4, about 14 million). When the digits would carry the key past `after`
 * (the midpoint is a prefix of it), the plain midpoint is used.
 */
export function jitteredRankBetween(before: string | null, after: string | null, random: () => number = Math.random): string {
  const key = rankBetween(before, after);
  let suffix = "";
  for (let k = 0; k < JITTER_DIGITS; k++) suffix += DIGITS[1 + Math.floor(random() * (DIGITS.length - 1))];
  const jittered = key + suffix;
  return after === null || jittered < after ? jittered : key;
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
