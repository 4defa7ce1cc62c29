// The value rule of an opportunity without line items (RamBase's
// OneTimeRevenueAmount): amount = one-time amount + recurring amount x contract
// months (at least 1, as for line items). A write may name the amount or the
// one-time part; the other follows. Pure: the services call it, the form
// previews it. With line items the lines decide all three (line-items.ts).
import { dec, moneyString, type DecimalInput } from "./decimal";
import { billedMonths } from "./line-items";

export interface DealMoney {
  amount: string;
  oneTimeAmount: string;
  recurringAmount: string;
  contractMonths: number | null;
}

/** What a write sends; undefined = not sent (PATCH), null months = none. */
export interface DealMoneyInput {
  amount?: DecimalInput | undefined;
  oneTimeAmount?: DecimalInput | undefined;
  recurringAmount?: DecimalInput | undefined;
  contractMonths?: number | null | undefined;
}

export type DealMoneyResult = { ok: true; value: DealMoney } | { ok: false; fields: Record<string, string> };

/** The recurring part of the amount: recurring x contract months (at least 1). */
export const recurringPart = (recurringAmount: DecimalInput, contractMonths: number | null | undefined): string =>
  moneyString(dec(recurringAmount).times(billedMonths(contractMonths)));

/** amount = one-time + recurring part. */
export const dealAmount = (oneTimeAmount: DecimalInput, recurringAmount: DecimalInput, contractMonths: number | null | undefined): string =>
  moneyString(dec(oneTimeAmount).plus(recurringPart(recurringAmount, contractMonths)));

/**
 * The money fields after a write of `input` on `current` (a new deal: zeros,
 * no months). A one-time amount sent decides the amount (an amount sent too
 * must agree); an amount sent alone decides the one-time part, which cannot be
 * negative; a change of the recurring amount or the months alone keeps the
 * one-time part and recomputes the amount. A write that changes none of the four
 * (an edit form sends them all back) leaves the stored values as they are.
 */
export function resolveDealMoney(current: DealMoney, input: DealMoneyInput): DealMoneyResult {
  if (unchanged(current, input)) return { ok: true, value: current };
  const recurringAmount = input.recurringAmount === undefined ? current.recurringAmount : moneyString(input.recurringAmount);
  const contractMonths = input.contractMonths === undefined ? current.contractMonths : input.contractMonths;
  const part = recurringPart(recurringAmount, contractMonths);
  if (input.oneTimeAmount !== undefined) {
    const oneTimeAmount = moneyString(input.oneTimeAmount);
    const amount = dealAmount(oneTimeAmount, recurringAmount, contractMonths);
    if (input.amount !== undefined && moneyString(input.amount) !== amount) {
      return { ok: false, fields: { amount: `The one-time amount plus the recurring part make ${amount}; leave the amount out or send that` } };
    }
    return { ok: true, value: { amount, oneTimeAmount, recurringAmount, contractMonths } };
  }
  if (input.amount !== undefined) {
    const amount = moneyString(input.amount);
    const oneTime = dec(amount).minus(part);
    if (oneTime.isNegative()) {
      return { ok: false, fields: { amount: `The amount must be at least the recurring part, ${part} (recurring amount x months)` } };
    }
    return { ok: true, value: { amount, oneTimeAmount: moneyString(oneTime), recurringAmount, contractMonths } };
  }
  return { ok: true, value: { amount: dealAmount(current.oneTimeAmount, recurringAmount, contractMonths), oneTimeAmount: current.oneTimeAmount, recurringAmount, contractMonths } };
}

const same = (sent: DecimalInput | undefined, stored: string) => sent === undefined || moneyString(sent) === stored;
const unchanged = (current: DealMoney, input: DealMoneyInput) =>
  same(input.amount, current.amount) && same(input.oneTimeAmount, current.oneTimeAmount) && same(input.recurringAmount, current.recurringAmount) &&
  (input.contractMonths === undefined || input.contractMonths === current.contractMonths);

/** A new deal's starting point for resolveDealMoney. */
export const NO_MONEY: DealMoney = { amount: "0.00", oneTimeAmount: "0.00", recurringAmount: "0.00", contractMonths: null };
