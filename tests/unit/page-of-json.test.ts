import { describe, expect, it } from "vitest";
import { pageOf, pageOfJson } from "@/lib/api/pagination";

describe("pageOfJson", () => {
  const items = [{ id: "a", amount: "1.50", tags: ["x"] }, { id: "b", note: 'say "hi"\n', nested: { n: 1 } }];

  it("writes the same envelope as pageOf around items that are already JSON", () => {
    for (const [total, skip] of [[2, 0], [7, 0], [7, 5]] as const) {
      const window = { skip, take: 2 };
      const raw = pageOfJson(items.map((i) => JSON.stringify(i)), total, window).text;
      expect(raw).toBe(JSON.stringify(pageOf(items, total, window)));
    }
  });

  it("writes an empty page", () => {
    expect(JSON.parse(pageOfJson([], 0, { skip: 0, take: 20 }).text)).toEqual({ data: [], total: 0, hasMore: false, nextCursor: null });
  });
});
