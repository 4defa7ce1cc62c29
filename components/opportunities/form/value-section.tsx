"use client";
// Money and odds: amount with currency and exchange rate (and the base
// amount it gives), recurring revenue, and the probability with the
// weighted amount beside it; the stage's probability shows until overridden.
import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { dealAmount, recurringPart } from "@/lib/domain/deal-amount";
import { dec } from "@/lib/domain/decimal";
import { Field, fieldAria, FormSection, inputClass } from "@/components/ui/field";
import { formatMoney, toBaseAmount, weightedAmount } from "@/lib/domain/money";
import type { OpportunityFormOptions } from "@/lib/server/opportunities/form/options";
import { FORECAST_CATEGORIES, type OpportunityFormValues } from "@/lib/validation/opportunity";
import { stageById } from "./form-values";

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const nullableNumber = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));
const CATEGORY_LABELS: Record<(typeof FORECAST_CATEGORIES)[number], string> = { PIPELINE: "Pipeline", BEST_CASE: "Best case", COMMIT: "Commit", CLOSED: "Closed", OMITTED: "Omitted" };

/** Which of amount and one-time amount the user typed last: it is sent, the other follows. */
export type ValueDriver = "amount" | "oneTimeAmount";

export function ValueSection({ options, hasLineItems, driver, onDriver }: { options: OpportunityFormOptions; hasLineItems: boolean; driver: ValueDriver; onDriver: (d: ValueDriver) => void }) {
  const { register, setValue, control, formState: { errors } } = useFormContext<OpportunityFormValues>();
  const [amount, currency, rate, probability, stageId, oneTime, recurring, months] = useWatch({
    control,
    name: ["amount", "currency", "exchangeRate", "probability", "stageId", "oneTimeAmount", "recurringAmount", "contractMonths"],
  });
  // amount = one-time + recurring x months: the field not typed last follows (the lines decide both when there are some).
  useEffect(() => {
    if (hasLineItems) return;
    const money = (v: string | undefined) => ((v ?? "").trim() === "" ? "0" : v!.trim());
    if (![amount, oneTime, recurring].every((v) => MONEY.test(money(v)))) return;
    const validMonths = months == null || (Number.isInteger(months) && months >= 1);
    if (!validMonths) return;
    if (driver === "oneTimeAmount") {
      const next = dealAmount(money(oneTime), money(recurring), months);
      if (next !== amount) setValue("amount", next, { shouldDirty: true });
    } else {
      const rest = dec(money(amount)).minus(recurringPart(money(recurring), months));
      const next = rest.isNegative() ? "" : rest.toFixed(2);
      if (next !== oneTime) setValue("oneTimeAmount", next, { shouldDirty: true });
    }
  }, [hasLineItems, driver, amount, oneTime, recurring, months, setValue]);
  const stage = stageById(options, stageId);
  const base = options.currencies.find((c) => c.isBase) ?? options.currencies[0];
  const closed = stage?.type === "WON" || stage?.type === "LOST";
  const effectiveProbability = stage?.type === "WON" ? 100 : stage?.type === "LOST" ? 0 : (probability ?? stage?.probability ?? 0);
  const amountText = (amount ?? "").trim() || "0";
  const validAmount = MONEY.test(amountText);
  const validRate = /^\d+(\.\d+)?$/.test(rate ?? "") && Number(rate) > 0;
  const code = currency || base?.code || "USD";
  const fromLines = hasLineItems ? "Comes from the line items" : undefined;

  return (
    <FormSection title="Value and odds">
      <Field id="amount" label="Amount" error={errors.amount?.message} hint={fromLines ?? "Total value, excluding tax"}>
        <div className="flex gap-2">
          <input {...register("amount", { onChange: () => onDriver("amount") })} {...fieldAria("amount", errors.amount?.message)} inputMode="decimal" placeholder="0.00" readOnly={hasLineItems} className={inputClass(!!errors.amount)} />
          <select
            {...register("currency", {
              onChange: (e) => setValue("exchangeRate", options.currencies.find((c) => c.code === e.target.value)?.rateToBase ?? "1", { shouldDirty: true }),
            })}
            aria-label="Currency"
            className={`${inputClass(!!errors.currency, true)} w-28 shrink-0`}
          >
            {options.currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}
              </option>
            ))}
          </select>
        </div>
      </Field>
      <Field
        id="exchangeRate"
        label={`Exchange rate to ${base?.code ?? "base"}`}
        error={errors.exchangeRate?.message ?? errors.currency?.message}
        hint={validAmount && validRate && base ? `= ${formatMoney(toBaseAmount(amountText, rate!), base.code)} in ${base.code}` : "From the currency table; adjust if the deal fixes its own rate"}
      >
        <input {...register("exchangeRate")} {...fieldAria("exchangeRate", errors.exchangeRate?.message)} inputMode="decimal" readOnly={code === base?.code} className={inputClass(!!errors.exchangeRate)} />
      </Field>
      <Field id="oneTimeAmount" label="One-time amount" error={errors.oneTimeAmount?.message} hint={fromLines ?? "Amount = one-time + recurring × months"}>
        <input {...register("oneTimeAmount", { onChange: () => onDriver("oneTimeAmount") })} {...fieldAria("oneTimeAmount", errors.oneTimeAmount?.message)} inputMode="decimal" placeholder="0.00" readOnly={hasLineItems} className={inputClass(!!errors.oneTimeAmount)} />
      </Field>
      <Field id="recurringAmount" label="Recurring amount per month" error={errors.recurringAmount?.message} hint={fromLines}>
        <input {...register("recurringAmount")} {...fieldAria("recurringAmount", errors.recurringAmount?.message)} inputMode="decimal" placeholder="0.00" readOnly={hasLineItems} className={inputClass(!!errors.recurringAmount)} />
      </Field>
      <Field id="contractMonths" label="Contract months" error={errors.contractMonths?.message}>
        <input {...register("contractMonths", { setValueAs: nullableNumber })} {...fieldAria("contractMonths", errors.contractMonths?.message)} type="number" min={1} max={600} placeholder="—" className={inputClass(!!errors.contractMonths)} />
      </Field>
      <Field
        id="probability"
        label="Probability (%)"
        error={errors.probability?.message}
        hint={closed ? `A ${stage?.type === "WON" ? "won" : "lost"} deal is ${effectiveProbability}%` : probability == null ? `The stage's ${stage?.probability ?? 0}%; type to override` : (
          <button type="button" className="text-accent hover:underline" onClick={() => setValue("probability", null, { shouldDirty: true, shouldValidate: true })}>
            Overridden; use the stage&apos;s {stage?.probability ?? 0}%
          </button>
        )}
      >
        <div className="flex items-center gap-3">
          <input
            {...register("probability", { setValueAs: nullableNumber })}
            {...fieldAria("probability", errors.probability?.message)}
            type="number"
            step={1}
            placeholder={String(closed ? effectiveProbability : (stage?.probability ?? ""))}
            disabled={closed}
            className={`${inputClass(!!errors.probability, true)} w-28 shrink-0`}
          />
          <p className="text-sm text-muted" data-testid="weighted-amount">
            Weighted <span className="font-semibold text-text tabular">{validAmount ? formatMoney(weightedAmount(amountText, Math.min(100, Math.max(0, effectiveProbability))), code) : "—"}</span>
          </p>
        </div>
      </Field>
      <Field id="forecastCategory" label="Forecast category" error={errors.forecastCategory?.message} hint="Leave on the stage's default unless you know better">
        <select {...register("forecastCategory", { setValueAs: (v) => (v === "" ? null : v) })} id="forecastCategory" disabled={closed} className={inputClass(!!errors.forecastCategory)}>
          <option value="">Stage default</option>
          {FORECAST_CATEGORIES.filter((c) => c !== "CLOSED" && c !== "OMITTED").map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
    </FormSection>
  );
}
