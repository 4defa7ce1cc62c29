import { dec, moneyString, toCents, type DecimalInput } from "./decimal";

/** amount x probability / 100, rounded to cents. */
export function weightedAmount(amount: DecimalInput, probability: number): string {
  return moneyString(dec(amount).times(probability).dividedBy(100));
}

/** The largest amount a money column (DECIMAL(18,2)) holds. */
export const MAX_MONEY = "9999999999999999.99";

export function fitsMoneyColumn(value: DecimalInput): boolean {
  return dec(value).abs().lte(MAX_MONEY);
}

/** The amount in the base currency at the given rate (units of base per unit of currency). */
export function toBaseAmount(amount: DecimalInput, exchangeRate: DecimalInput): string {
  return toCents(dec(amount).times(dec(exchangeRate))).toFixed(2);
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      ...(compact ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Formats a decimal string exactly (Intl accepts decimal strings without going through a float). */
export function formatMoney(amount: string | null | undefined, currency: string, options: { compact?: boolean } = {}): string {
  const value = moneyString(amount ?? "0");
  return formatter(currency, options.compact ?? false).format(value as unknown as number);
}
