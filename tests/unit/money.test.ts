import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, moneyString, toCents } from "@/lib/domain/decimal";
import { formatMoney, toBaseAmount, weightedAmount } from "@/lib/domain/money";

describe("decimal money", () => {
  it("rounds half-up to cents, including the cases binary floats get wrong", () => {
    expect(moneyString("1.005")).toBe("1.01");
    expect(moneyString("2.675")).toBe("2.68");
    expect(moneyString("0.125")).toBe("0.13");
    expect(toCents("1.004").toFixed(2)).toBe("1.00");
    expect(dec("0.1").plus("0.2").toString()).toBe("0.3");
  });

  it("computes weighted amounts exactly", () => {
    expect(weightedAmount("1250.00", 25)).toBe("312.50");
    expect(weightedAmount("99.99", 33)).toBe("33.00");
    expect(weightedAmount("1000000000000.01", 100)).toBe("1000000000000.01");
    expect(weightedAmount("0", 75)).toBe("0.00");
  });

  it("weighted amount never exceeds the amount and is zero at 0%", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 100 }), (cents, p) => {
        const amount = `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
        const w = dec(weightedAmount(amount, p));
        expect(w.lte(dec(amount))).toBe(true);
        if (p === 0) expect(w.isZero()).toBe(true);
        if (p === 100) expect(w.eq(dec(amount))).toBe(true);
      }),
    );
  });

  it("converts to the base currency with the stored rate", () => {
    expect(toBaseAmount("1000.00", "1.08")).toBe("1080.00");
    expect(toBaseAmount("333.33", "1.27")).toBe("423.33");
  });

  it("formats decimal strings without going through a float", () => {
    expect(formatMoney("1234567.89", "USD")).toBe("$1,234,567.89");
    expect(formatMoney("9007199254740993.01", "USD")).toBe("$9,007,199,254,740,993.01");
    expect(formatMoney("1500.5", "EUR")).toBe("€1,500.50");
    expect(formatMoney(null, "GBP")).toBe("£0.00");
  });
});
