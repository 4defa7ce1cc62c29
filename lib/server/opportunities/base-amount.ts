// An opportunity's amount in the base currency. Amounts and rates each fit
// their columns, but their product may not: such a deal is refused with the
// field named instead of failing in the database.
import { fitsMoneyColumn, toBaseAmount } from "@/lib/domain/money";
import type { DecimalInput } from "@/lib/domain/decimal";
import { validationError } from "../errors";

export const BASE_AMOUNT_TOO_LARGE = "Too large once converted to the base currency at this exchange rate";

export function checkedBaseAmount(amount: DecimalInput, rate: DecimalInput): string {
  const base = toBaseAmount(amount, rate);
  if (!fitsMoneyColumn(base)) throw validationError({ amount: BASE_AMOUNT_TOO_LARGE });
  return base;
}
