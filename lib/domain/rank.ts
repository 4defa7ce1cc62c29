// Rank keys order cards inside a column (fractional indexing): placing a card
// between two neighbours writes one key and never renumbers the column.
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

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
