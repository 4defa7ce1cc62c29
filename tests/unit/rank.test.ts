import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateKeyBetween } from "fractional-indexing";
import { compareRanked, jitteredRankBetween, JITTER_DIGITS, MAX_RANK_LENGTH, neighboursAt, rankBetween, ranksForCount, type Ranked } from "@/lib/domain/rank";

/** The server's placement (lib/server/board/placement.ts) on an in-memory column. */
function place(column: Ranked[], beforeIndex: number): string {
  const before = column[beforeIndex - 1]?.rank ?? null;
  if (before === null) return rankBetween(null, column[0]?.rank ?? null);
  const next = column.find((c) => c.rank > before)?.rank ?? null;
  return rankBetween(before, next);
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

describe("rank keys", () => {
  it("places a key strictly between two different neighbours", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), (count, pick) => {
        const keys = ranksForCount(count);
        const i = pick % (count - 1);
        const key = rankBetween(keys[i], keys[i + 1]);
        expect(key > keys[i] && key < keys[i + 1]).toBe(true);
      }),
    );
  });

  it("places a jittered key strictly between its neighbours, as a valid key", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: JITTER_DIGITS, maxLength: JITTER_DIGITS }), (count, pick, draws) => {
        const keys = ranksForCount(count);
        const i = pick % (count - 1);
        let d = 0;
        const key = jitteredRankBetween(keys[i], keys[i + 1], () => draws[d++ % draws.length]);
        expect(key > keys[i] && key < keys[i + 1]).toBe(true);
        // fractional-indexing accepts it as a neighbour (it throws on a malformed key).
        expect(generateKeyBetween(key, null) > key).toBe(true);
        const atEnd = jitteredRankBetween(keys[count - 1], null, () => draws[d++ % draws.length]);
        expect(atEnd > keys[count - 1]).toBe(true);
      }),
    );
  });

  it("gives 50 keys made for one gap at once 50 different values", () => {
    const [before, after] = ranksForCount(2);
    const random = seeded(16);
    const keys = Array.from({ length: 50 }, () => jitteredRankBetween(before, after, () => random(1_000_000) / 1_000_000));
    expect(new Set(keys).size).toBe(50);
    for (const key of keys) expect(key > before && key < after).toBe(true);
  });

  it("places a card after tied neighbours instead of failing", () => {
    const key = rankBetween("a1", "a1");
    expect(key > "a1").toBe(true);
  });

  it("orders by rank bytewise, then by id", () => {
    const cards = [
      { id: "b", rank: "a1" },
      { id: "a", rank: "a1" },
      { id: "c", rank: "Zz" },
      { id: "d", rank: "a0V" },
    ];
    expect([...cards].sort(compareRanked).map((c) => c.id)).toEqual(["c", "d", "a", "b"]);
  });

  it("names the neighbours at a drop index", () => {
    const column = [{ id: "x" }, { id: "y" }, { id: "z" }];
    expect(neighboursAt(column, 0)).toEqual({ beforeId: null, afterId: "x" });
    expect(neighboursAt(column, 2)).toEqual({ beforeId: "y", afterId: "z" });
    expect(neighboursAt(column, 9)).toEqual({ beforeId: "z", afterId: null });
  });

  it("keeps every key under 64 characters over 10,000 random moves", () => {
    const random = seeded(2026);
    const columns: Ranked[][] = Array.from({ length: 5 }, (_, c) =>
      ranksForCount(60).map((rank, k) => ({ id: `c${c}-${k}`, rank })),
    );
    let longest = 0;
    for (let move = 0; move < 10_000; move++) {
      const from = columns[random(columns.length)];
      if (from.length === 0) continue;
      const [card] = from.splice(random(from.length), 1);
      const to = columns[random(columns.length)];
      const rank = place(to, random(to.length + 1));
      const moved = { ...card, rank };
      to.push(moved);
      to.sort(compareRanked);
      longest = Math.max(longest, rank.length);
    }
    for (const column of columns) {
      for (let k = 1; k < column.length; k++) expect(compareRanked(column[k - 1], column[k])).toBeLessThan(0);
    }
    expect(longest).toBeLessThan(MAX_RANK_LENGTH);
  });
});
