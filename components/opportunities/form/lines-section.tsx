"use client";
// The create form's line items: the same editor as the detail page, its
// lines sent with the opportunity (one transaction). While there are lines
// the form's amount and recurring amount follow them (read-only there).
import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { validLine, type LineDraft, type LineErrors } from "@/components/line-items/draft";
import { LineItemsEditor } from "@/components/line-items/line-items-editor";
import { amountsFromLines } from "@/lib/domain/line-items";
import type { OpportunityFormOptions } from "@/lib/server/opportunities/form/options";
import type { OpportunityFormValues } from "@/lib/validation/opportunity";
import { AmountMode } from "../detail/amount-mode";
import { stageById } from "./form-values";

export function LinesSection({ options, lines, onChange, serverErrors, showAllErrors }: {
  options: OpportunityFormOptions;
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  serverErrors: Record<string, LineErrors>;
  showAllErrors: boolean;
}) {
  const { setValue, control } = useFormContext<OpportunityFormValues>();
  const [amount, currency, rate, probability, stageId, contractMonths] = useWatch({ control, name: ["amount", "currency", "exchangeRate", "probability", "stageId", "contractMonths"] });
  const base = options.currencies.find((c) => c.isBase) ?? options.currencies[0];
  const stage = stageById(options, stageId);
  const odds = stage?.type === "WON" ? 100 : stage?.type === "LOST" ? 0 : (probability ?? stage?.probability ?? 0);
  const exchangeRate = /^\d+(\.\d+)?$/.test(rate ?? "") && Number(rate) > 0 ? rate! : (base?.rateToBase ?? "1");

  // With lines, the amounts are theirs; removing the last line leaves the last derived amount, now editable.
  useEffect(() => {
    if (!lines.length) return;
    const derived = amountsFromLines(lines.map(validLine).filter((l) => l !== null), contractMonths);
    setValue("amount", derived.amount, { shouldDirty: true });
    setValue("recurringAmount", derived.recurringAmount, { shouldDirty: true });
    setValue("oneTimeAmount", derived.oneTimeAmount, { shouldDirty: true });
  }, [lines, contractMonths, setValue]);

  return (
    <section className="rounded-xl border border-border bg-surface p-5 shadow-sm" aria-labelledby="lines-title">
      <h2 id="lines-title" className="text-sm font-semibold">Products and services</h2>
      <div className="mb-4 mt-1">
        <AmountMode lineCount={lines.length} amount={(amount ?? "").trim() || "0"} currency={currency || base?.code || "USD"} />
      </div>
      <LineItemsEditor
        lines={lines}
        onChange={onChange}
        deal={{ currency: currency || base?.code || "USD", baseCurrency: base?.code ?? "USD", exchangeRate, probability: Math.min(100, Math.max(0, odds)), contractMonths: contractMonths ?? null }}
        onContractMonths={(m) => setValue("contractMonths", m, { shouldDirty: true, shouldValidate: true })}
        serverErrors={serverErrors}
        showAllErrors={showAllErrors}
      />
    </section>
  );
}
