// The rules that make line items the source of an opportunity's value.
import { dec, moneyString, sumDecimals, toCents, type Decimal, type DecimalInput } from "./decimal";

export type Billing = "ONE_TIME" | "MONTHLY";

export interface LineInput {
  quantity: DecimalInput;
  unitPrice: DecimalInput;
  discountPercent?: DecimalInput | null;
  billing: Billing;
}

/** quantity x unit price x (1 - discount / 100), rounded half-up to cents only here. */
export function lineTotal(line: Omit<LineInput, "billing">): Decimal {
  const discount = dec(line.discountPercent ?? 0);
  return toCents(dec(line.quantity).times(dec(line.unitPrice)).times(dec(100).minus(discount)).dividedBy(100));
}

export interface DerivedAmounts {
  amount: string;
  recurringAmount: string;
  oneTimeTotal: string;
}

/** amount = one-time totals + monthly totals x contract months (at least 1); recurring = monthly totals. */
export function amountsFromLines(lines: LineInput[], contractMonths: number | null | undefined): DerivedAmounts {
  const months = Math.max(1, contractMonths ?? 1);
  const oneTime = sumDecimals(lines.filter((l) => l.billing === "ONE_TIME").map(lineTotal));
  const monthly = sumDecimals(lines.filter((l) => l.billing === "MONTHLY").map(lineTotal));
  return {
    amount: moneyString(oneTime.plus(monthly.times(months))),
    recurringAmount: moneyString(monthly),
    oneTimeTotal: moneyString(oneTime),
  };
}
