// Decimal arithmetic for money. Amounts travel as strings ("1250.00") and are
// computed with decimal.js; a JavaScript number never holds an amount.
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number | { toString(): string };

export function dec(value: DecimalInput | null | undefined): Decimal {
  if (value === null || value === undefined || value === "") return new Decimal(0);
  return new Decimal(typeof value === "object" && !(value instanceof Decimal) ? value.toString() : (value as Decimal | string | number));
}

/** Rounds half-up to cents, as invoices do. */
export function toCents(value: DecimalInput): Decimal {
  return dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The canonical wire form of an amount: two decimals, no exponent. */
export function moneyString(value: DecimalInput | null | undefined): string {
  return toCents(dec(value)).toFixed(2);
}

export function sumDecimals(values: DecimalInput[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new Decimal(0));
}
