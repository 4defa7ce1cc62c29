// Integer query parameters (API paging, page numbers) read decimal digits and
// nothing else that Number() would turn into a number.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pagingQuery } from "@/lib/api/pagination";
import { opportunityTableQuerySchema } from "@/lib/validation/opportunity-list";
import { queryInteger } from "@/lib/validation/query-integer";

describe("queryInteger", () => {
  const schema = queryInteger(0, 10_000_000);

  it("reads every integer in range written in decimal digits, leading zeros included", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.nat({ max: 3 }), (n, zeros) => {
      expect(schema.parse("0".repeat(zeros) + String(n))).toBe(n);
    }));
  });

  it("refuses what Number() would read as a number but no one writes as an integer", () => {
    for (const text of ["0x10", "0b11", "0o7", "1e1", "+3", "-0", "-1", " 7", "7 ", "", "2.0", "Infinity", "1_000"]) {
      expect(schema.safeParse(text).error?.issues.map((i) => i.message), JSON.stringify(text)).toEqual(["Use a whole number in decimal digits"]);
    }
    fc.assert(fc.property(fc.string().filter((s) => !/^\d+$/.test(s)), (text) => {
      expect(schema.safeParse(text).success).toBe(false);
    }));
  });

  it("keeps the bounds and their messages, and documents an integer", () => {
    expect(pagingQuery.limit.safeParse("101").error?.issues[0].message).toBe("At most 100");
    expect(pagingQuery.limit.parse(undefined)).toBe(20);
    expect(pagingQuery.limit.parse("0016")).toBe(16);
    expect(pagingQuery.limit.safeParse("0x10").success).toBe(false);
    // Pages fall back to their defaults instead of reading a look-alike.
    expect(opportunityTableQuerySchema.parse({ page: "0x10", pageSize: "1e2" })).toMatchObject({ page: 1, pageSize: 25 });
    expect(opportunityTableQuerySchema.parse({ page: "3", pageSize: "50" })).toMatchObject({ page: 3, pageSize: 50 });
  });
});
