// The rules that make line items the source of an opportunity's value. All
// arithmetic is decimal (decimal.js); rounding to cents happens only at the
// line total, so sums of line totals are exact.
import { dec, moneyString, sumDecimals, toCents, type Decimal, type DecimalInput } from "./decimal";
import { toBaseAmount, weightedAmount } from "./money";

export type Billing = "ONE_TIME" | "MONTHLY";
export const BILLINGS = ["ONE_TIME", "MONTHLY"] as const satisfies readonly Billing[];

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

/** Contract months as the amount rule counts them: at least 1. */
export const billedMonths = (contractMonths: number | null | undefined) => Math.max(1, contractMonths ?? 1);

export interface DerivedAmounts {
  amount: string;
  recurringAmount: string;
  /** The one-time lines' total: the opportunity's oneTimeAmount. */
  oneTimeAmount: string;
}

/** amount = one-time totals + monthly totals x contract months (at least 1); recurring = monthly totals. */
export function amountsFromLines(lines: LineInput[], contractMonths: number | null | undefined): DerivedAmounts {
  const oneTime = sumDecimals(lines.filter((l) => l.billing === "ONE_TIME").map(lineTotal));
  const monthly = sumDecimals(lines.filter((l) => l.billing === "MONTHLY").map(lineTotal));
  return {
    amount: moneyString(oneTime.plus(monthly.times(billedMonths(contractMonths)))),
    recurringAmount: moneyString(monthly),
    oneTimeAmount: moneyString(oneTime),
  };
}

export interface LineSummary {
  oneTimeTotal: string;
  /** Monthly recurring revenue of the lines. */
  monthlyTotal: string;
  months: number;
  /** Total contract value: the opportunity's amount. */
  contractValue: string;
  weighted: string;
  baseContractValue: string;
  baseWeighted: string;
}

/** Everything the editor shows below its table, in the deal's currency and in the base currency. */
export function lineSummary(
  lines: LineInput[],
  deal: { contractMonths: number | null | undefined; probability: number; exchangeRate: DecimalInput },
): LineSummary {
  const derived = amountsFromLines(lines, deal.contractMonths);
  const baseContractValue = toBaseAmount(derived.amount, deal.exchangeRate);
  return {
    oneTimeTotal: derived.oneTimeAmount,
    monthlyTotal: derived.recurringAmount,
    months: billedMonths(deal.contractMonths),
    contractValue: derived.amount,
    weighted: weightedAmount(derived.amount, deal.probability),
    baseContractValue,
    baseWeighted: weightedAmount(baseContractValue, deal.probability),
  };
}

/**
 * A catalog price in another currency: through the base currency with both
 * rates (units of base per unit of currency), rounded half-up to cents.
 */
export function convertPrice(price: DecimalInput, fromRateToBase: DecimalInput, toRateToBase: DecimalInput): string {
  return moneyString(dec(price).times(dec(fromRateToBase)).dividedBy(dec(toRateToBase)));
}

/** Whether the lines decide the amount (derived) or it was entered by hand (manual). */
export const amountMode = (lineCount: number): "derived" | "manual" => (lineCount > 0 ? "derived" : "manual");
