// The one bounds check of every write of an opportunity's amount (create,
// update, every line item change, the editor's save, a contract months change,
// a currency's new rate): the amount and its value in the base currency must
// fit DECIMAL(18,2). Each fits its own column's input rules, but a sum of lines,
// lines x contract months, or amount x rate may not; such a write is refused
// with the field named instead of failing in the database.
import { fitsMoneyColumn, MAX_MONEY, toBaseAmount } from "@/lib/domain/money";
import type { DecimalInput } from "@/lib/domain/decimal";
import { validationError } from "../../errors";

export const AMOUNT_TOO_LARGE = `The opportunity's amount would be too large (at most ${MAX_MONEY})`;
export const BASE_AMOUNT_TOO_LARGE = "Too large once converted to the base currency at this exchange rate";

/**
 * The base amount of `amount` at `rate`, or a VALIDATION naming `field`
 * (the opportunity's amount unless the write changes something else, such as
 * a currency's rate).
 */
export function checkedBaseAmount(amount: DecimalInput, rate: DecimalInput, field = "amount"): string {
  if (!fitsMoneyColumn(amount)) throw validationError({ [field]: AMOUNT_TOO_LARGE }, AMOUNT_TOO_LARGE);
  const base = toBaseAmount(amount, rate);
  if (!fitsMoneyColumn(base)) throw validationError({ [field]: BASE_AMOUNT_TOO_LARGE }, BASE_AMOUNT_TOO_LARGE);
  return base;
}
