// The line item rules, by example and by property (fast-check): decimal
// strings in, decimal strings out, rounding only at the line total.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "@/lib/domain/decimal";
import { amountMode, amountsFromLines, billedMonths, convertPrice, lineSummary, lineTotal, type LineInput } from "@/lib/domain/line-items";
import { discountField, lineDraftSchema, quantityField } from "@/lib/validation/line-items";

/** A decimal string with up to `scale` decimals, built from an integer so no float is involved. */
const decimalString = (maxUnits: bigint, scale: number, min = 0n) =>
  fc.bigInt({ min, max: maxUnits * 10n ** BigInt(scale) }).map((n) => {
    const s = n.toString().padStart(scale + 1, "0");
    return scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
  });

const line = fc.record({
  quantity: decimalString(100_000n, 4, 1n),
  unitPrice: decimalString(1_000_000n, 2),
  discountPercent: decimalString(100n, 2),
  billing: fc.constantFrom("ONE_TIME" as const, "MONTHLY" as const),
});

describe("lineTotal", () => {
  it("rounds half-up to cents only at the total", () => {
    expect(lineTotal({ quantity: "3", unitPrice: "0.335" }).toFixed(2)).toBe("1.01");
    expect(lineTotal({ quantity: "1", unitPrice: "10.00", discountPercent: "33.33" }).toFixed(2)).toBe("6.67");
    expect(lineTotal({ quantity: "0.0001", unitPrice: "49.99" }).toFixed(2)).toBe("0.00");
    expect(lineTotal({ quantity: "2.5", unitPrice: "0.05", discountPercent: "10" }).toFixed(2)).toBe("0.11"); // 0.1125
    expect(lineTotal({ quantity: "7", unitPrice: "1.15" }).toFixed(2)).toBe("8.05"); // 8.049999... in binary floats
  });

  it("equals q x p x (100 - d) / 100 computed in integers, rounded half-up", () => {
    fc.assert(
      fc.property(line, (l) => {
        // Exact integer arithmetic: quantity in 1/10^4, price in cents, discount in 1/100 percent.
        const q = BigInt(l.quantity.replace(".", ""));
        const p = BigInt(l.unitPrice.replace(".", ""));
        const keep = 10_000n - BigInt(l.discountPercent.replace(".", ""));
        const scaled = q * p * keep; // cents x 10^8
        const cents = (scaled + 50_000_000n) / 100_000_000n;
        expect(lineTotal(l).toFixed(2)).toBe(dec(cents.toString()).dividedBy(100).toFixed(2));
      }),
    );
  });

  it("never exceeds the undiscounted total, never goes below 0, and is 0 at 100% discount", () => {
    fc.assert(
      fc.property(line, (l) => {
        const total = lineTotal(l);
        expect(total.gte(0)).toBe(true);
        expect(total.lte(lineTotal({ ...l, discountPercent: "0" }))).toBe(true);
        expect(lineTotal({ ...l, discountPercent: "100" }).isZero()).toBe(true);
      }),
    );
  });
});

describe("amountsFromLines", () => {
  it("adds one-time totals and monthly totals x contract months (at least 1)", () => {
    const lines: LineInput[] = [
      { quantity: "10", unitPrice: "89.00", billing: "MONTHLY" },
      { quantity: "1", unitPrice: "2500.00", discountPercent: "10", billing: "ONE_TIME" },
    ];
    expect(amountsFromLines(lines, 12)).toEqual({ amount: "12930.00", recurringAmount: "890.00", oneTimeAmount: "2250.00" });
    expect(amountsFromLines(lines, null).amount).toBe("3140.00");
    expect(amountsFromLines(lines, 0).amount).toBe("3140.00");
    expect(amountsFromLines([], 12)).toEqual({ amount: "0.00", recurringAmount: "0.00", oneTimeAmount: "0.00" });
    expect(billedMonths(undefined)).toBe(1);
  });

  it("is the sum of the line totals whatever the order, and recurring is the monthly part", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }), (lines, months) => {
        const result = amountsFromLines(lines, months);
        const oneTime = lines.filter((l) => l.billing === "ONE_TIME").reduce((s, l) => s.plus(lineTotal(l)), dec(0));
        const monthly = lines.filter((l) => l.billing === "MONTHLY").reduce((s, l) => s.plus(lineTotal(l)), dec(0));
        expect(result.amount).toBe(oneTime.plus(monthly.times(months ?? 1)).toFixed(2));
        expect(result.recurringAmount).toBe(monthly.toFixed(2));
        expect(amountsFromLines([...lines].reverse(), months)).toEqual(result);
        // Sums of cents stay in cents: no rounding happened after the line totals.
        expect(dec(result.amount).decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("grows with every added line", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), line, fc.integer({ min: 1, max: 60 }), (lines, extra, months) => {
        expect(dec(amountsFromLines([...lines, extra], months).amount).gte(dec(amountsFromLines(lines, months).amount))).toBe(true);
      }),
    );
  });
});

describe("lineSummary, convertPrice and the mode", () => {
  it("summarises in the deal's and the base currency with the weighted value", () => {
    const s = lineSummary(
      [
        { quantity: "4", unitPrice: "100", billing: "MONTHLY" },
        { quantity: "1", unitPrice: "1000", billing: "ONE_TIME" },
      ],
      { contractMonths: 12, probability: 25, exchangeRate: "1.1" },
    );
    expect(s).toEqual({ oneTimeTotal: "1000.00", monthlyTotal: "400.00", months: 12, contractValue: "5800.00", weighted: "1450.00", baseContractValue: "6380.00", baseWeighted: "1595.00" });
  });

  it("converts through the base currency, half-up to cents, and round-trips within a cent", () => {
    expect(convertPrice("890.00", "1.08", "1")).toBe("961.20");
    expect(convertPrice("100.00", "1", "1.08")).toBe("92.59");
    fc.assert(
      fc.property(decimalString(1_000_000n, 2), decimalString(10n, 8, 1n), (price, rate) => {
        const there = convertPrice(price, rate, "1");
        expect(convertPrice(price, rate, rate)).toBe(dec(price).toFixed(2));
        expect(dec(there).minus(dec(price).times(rate)).abs().lte("0.005")).toBe(true);
      }),
    );
  });

  it("is derived with lines and manual without", () => {
    expect(amountMode(0)).toBe("manual");
    expect(amountMode(3)).toBe("derived");
  });
});

describe("line input rules", () => {
  it("accepts quantity > 0 with up to 4 decimals, discount 0..100, unit price >= 0 with 2 decimals", () => {
    for (const ok of ["1", "0.0001", "12.5", "999999999999.9999"]) expect(quantityField.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["0", "0.0000", "-1", "1.00001", "1e3", "", "abc"]) expect(quantityField.safeParse(bad).success, bad).toBe(false);
    for (const ok of ["0", "100", "100.00", "12.5"]) expect(discountField.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["100.01", "101", "-1", "1.234"]) expect(discountField.safeParse(bad).success, bad).toBe(false);
    const draft = lineDraftSchema.safeParse({ name: "", quantity: "0", unitPrice: "1.001", billing: "WEEKLY", extra: 1 });
    expect(draft.error?.issues.map((i) => i.path.join(".") || i.code).sort()).toEqual(["billing", "name", "quantity", "unitPrice", "unrecognized_keys"]);
  });

  it("answers garbage with field errors, never an exception (the editor validates every keystroke)", () => {
    fc.assert(
      fc.property(fc.record({ name: fc.string(), quantity: fc.string(), unitPrice: fc.string(), discountPercent: fc.string(), billing: fc.string() }), (line) => {
        expect(() => lineDraftSchema.safeParse(line)).not.toThrow();
      }),
    );
    expect(lineDraftSchema.safeParse({ name: "x", quantity: "abc", unitPrice: "1", discountPercent: "abc", billing: "ONE_TIME" }).error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["discountPercent", "quantity"]);
  });

  it("refuses a line whose total would not fit the money columns, on the quantity", () => {
    const result = lineDraftSchema.safeParse({ name: "Huge", quantity: "999999999999", unitPrice: "9999999999999999.99", billing: "ONE_TIME" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["quantity", "The line total is too large"]]);
  });
});
