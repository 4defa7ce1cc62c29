// The value rule of a deal without lines: amount = one-time + recurring x months
// (at least 1), by example and by property (fast-check, decimal strings only).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "@/lib/domain/decimal";
import { dealAmount, NO_MONEY, recurringPart, resolveDealMoney, type DealMoney } from "@/lib/domain/deal-amount";

const money = (maxUnits: bigint) =>
  fc.bigInt({ min: 0n, max: maxUnits * 100n }).map((n) => {
    const s = n.toString().padStart(3, "0");
    return `${s.slice(0, -2)}.${s.slice(-2)}`;
  });
const months = fc.option(fc.integer({ min: 1, max: 600 }), { nil: null });
const consistent = fc.record({ oneTimeAmount: money(10_000_000n), recurringAmount: money(100_000n), contractMonths: months }).map(
  (m): DealMoney => ({ ...m, amount: dealAmount(m.oneTimeAmount, m.recurringAmount, m.contractMonths) }),
);
const holds = (m: DealMoney) => dealAmount(m.oneTimeAmount, m.recurringAmount, m.contractMonths) === m.amount;

describe("resolveDealMoney", () => {
  it("derives the amount from a one-time amount, and the one-time part from an amount", () => {
    expect(resolveDealMoney(NO_MONEY, { oneTimeAmount: "1000", recurringAmount: "50", contractMonths: 12 })).toEqual({
      ok: true,
      value: { amount: "1600.00", oneTimeAmount: "1000.00", recurringAmount: "50.00", contractMonths: 12 },
    });
    expect(resolveDealMoney(NO_MONEY, { amount: "1600", recurringAmount: "50", contractMonths: 12 })).toEqual({
      ok: true,
      value: { amount: "1600.00", oneTimeAmount: "1000.00", recurringAmount: "50.00", contractMonths: 12 },
    });
    // No months: the recurring amount counts once, as for line items.
    expect(resolveDealMoney(NO_MONEY, { recurringAmount: "50" })).toMatchObject({ ok: true, value: { amount: "50.00", oneTimeAmount: "0.00" } });
    expect(resolveDealMoney(NO_MONEY, { amount: "250.5" })).toMatchObject({ ok: true, value: { amount: "250.50", oneTimeAmount: "250.50" } });
  });

  it("refuses an amount below the recurring part and an amount that disagrees, naming amount", () => {
    const low = resolveDealMoney(NO_MONEY, { amount: "100", recurringAmount: "50", contractMonths: 12 });
    expect(low).toEqual({ ok: false, fields: { amount: expect.stringContaining("600.00") } });
    const disagree = resolveDealMoney(NO_MONEY, { amount: "100", oneTimeAmount: "10", recurringAmount: "5" });
    expect(disagree).toEqual({ ok: false, fields: { amount: expect.stringContaining("15.00") } });
  });

  it("keeps the one-time part when only the recurring amount or the months change", () => {
    const current: DealMoney = { amount: "1600.00", oneTimeAmount: "1000.00", recurringAmount: "50.00", contractMonths: 12 };
    expect(resolveDealMoney(current, { contractMonths: 24 })).toMatchObject({ ok: true, value: { amount: "2200.00", oneTimeAmount: "1000.00" } });
    expect(resolveDealMoney(current, { recurringAmount: "0", contractMonths: null })).toMatchObject({ ok: true, value: { amount: "1000.00", oneTimeAmount: "1000.00" } });
  });

  it("leaves a stored row alone when the write changes none of its money fields (an edit form sends them back)", () => {
    const legacy: DealMoney = { amount: "100.00", oneTimeAmount: "0.00", recurringAmount: "50.00", contractMonths: 12 };
    expect(resolveDealMoney(legacy, { amount: "100.00", recurringAmount: "50", contractMonths: 12 })).toEqual({ ok: true, value: legacy });
    expect(resolveDealMoney(legacy, {})).toEqual({ ok: true, value: legacy });
  });

  it("property: every accepted write satisfies amount = one-time + recurring x months", () => {
    fc.assert(
      fc.property(
        consistent,
        fc.record({ amount: money(20_000_000n), oneTimeAmount: money(10_000_000n), recurringAmount: money(100_000n), contractMonths: months }, { requiredKeys: [] }),
        (current, input) => {
          const result = resolveDealMoney(current, input);
          if (!result.ok) {
            expect(Object.keys(result.fields)).toEqual(["amount"]);
            return;
          }
          expect(holds(result.value)).toBe(true);
          expect(dec(result.value.oneTimeAmount).isNegative()).toBe(false);
          if (input.amount !== undefined) expect(result.value.amount).toBe(dec(input.amount).toFixed(2));
          if (input.oneTimeAmount !== undefined) expect(result.value.oneTimeAmount).toBe(dec(input.oneTimeAmount).toFixed(2));
        },
      ),
    );
  });

  it("property: an amount is refused exactly when it is below the recurring part", () => {
    fc.assert(
      fc.property(money(1_000_000n), money(10_000n), months, (amount, recurring, m) => {
        const result = resolveDealMoney(NO_MONEY, { amount, recurringAmount: recurring, contractMonths: m });
        expect(result.ok).toBe(!dec(amount).lessThan(recurringPart(recurring, m)));
      }),
    );
  });
});
