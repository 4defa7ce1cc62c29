import { describe, expect, it } from "vitest";
import { blockSize, LeaseBook, usableTokens } from "@/lib/server/api-keys/rate-lease";

describe("rate-limit token blocks", () => {
  it("reserves 1/64 of the limit at a time, at least 1 and at most 25", () => {
    expect(blockSize(3)).toBe(1);
    expect(blockSize(127)).toBe(1);
    expect(blockSize(640)).toBe(10);
    expect(blockSize(600)).toBe(9);
    expect(blockSize(100_000_000)).toBe(25);
  });

  it("uses only the reserved tokens that fit under the limit", () => {
    expect(usableTokens(10, 10, 600)).toBe(10);
    expect(usableTokens(605, 10, 600)).toBe(5);
    expect(usableTokens(600, 10, 600)).toBe(10);
    expect(usableTokens(610, 10, 600)).toBe(0);
    expect(usableTokens(700, 10, 600)).toBe(0);
  });
});

describe("LeaseBook", () => {
  const window = 1_800_000_000_000;

  it("spends a reservation token by token and counts every request once", () => {
    const book = new LeaseBook();
    expect(book.spend("k", window)).toBeNull();
    expect(book.reserve("k", window, 3, 3, 100)).toEqual({ allowed: true, requestsCounted: 1 });
    expect(book.spend("k", window)).toEqual({ requestsCounted: 2 });
    expect(book.spend("k", window)).toEqual({ requestsCounted: 3 });
    expect(book.spend("k", window)).toBeNull();
  });

  it("counts tokens other instances hold as used", () => {
    const book = new LeaseBook();
    // Another instance reserved 10 before us: the bucket went from 10 to 13.
    expect(book.reserve("k", window, 13, 3, 100)).toEqual({ allowed: true, requestsCounted: 11 });
  });

  it("refuses when the reservation lies past the limit, and grants the part below it", () => {
    const book = new LeaseBook();
    expect(book.reserve("k", window, 12, 5, 10)).toEqual({ allowed: true, requestsCounted: 8 });
    expect(book.spend("k", window)).toEqual({ requestsCounted: 9 });
    expect(book.spend("k", window)).toEqual({ requestsCounted: 10 });
    expect(book.spend("k", window)).toBeNull();
    expect(book.reserve("k", window, 17, 5, 10)).toEqual({ allowed: false, requestsCounted: 17 });
  });

  it("drops tokens of a past window and of a forgotten key", () => {
    const book = new LeaseBook();
    book.reserve("k", window, 5, 5, 100);
    expect(book.spend("k", window + 60_000)).toBeNull();
    book.reserve("j", window, 5, 5, 100);
    book.forget("j");
    expect(book.spend("j", window)).toBeNull();
  });
});
