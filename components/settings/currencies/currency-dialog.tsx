"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { CurrencyUsageDto } from "@/lib/server/currencies/read";
import { createCurrencyAction, updateCurrencyAction } from "@/lib/actions/currencies";
import { currencyCreateSchema, type CurrencyInput } from "@/lib/validation/currencies";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

export function CurrencyDialog({ currency, base, onClose }: { currency: CurrencyUsageDto | "new"; base: string; onClose: () => void }) {
  const existing = currency === "new" ? null : currency;
  const today = new Date().toISOString().slice(0, 10);
  const create = useAction(createCurrencyAction, { success: (_d, { code }) => `${code} added` });
  const update = useAction(updateCurrencyAction, { success: (d, { code }) => `${code} saved${d.reratedOpportunities ? `; ${d.reratedOpportunities} open opportunities re-rated` : ""}` });
  const fieldErrors = existing ? update.fieldErrors : create.fieldErrors;
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<CurrencyInput>({
    resolver: zodResolver(currencyCreateSchema) as never,
    defaultValues: existing
      ? { code: existing.code, name: existing.name, symbol: existing.symbol, rateToBase: existing.rateToBase, rateDate: existing.rateDate }
      : { code: "", name: "", symbol: "", rateToBase: "", rateDate: today },
  });
  const err = (k: keyof CurrencyInput) => errors[k]?.message ?? fieldErrors[k];
  return (
    <Dialog
      open
      onClose={onClose}
      title={existing ? `Edit ${existing.code}` : "Add a currency"}
      description={existing && !existing.isBase ? `A new rate applies to the ${existing.openOpportunities} open opportunities in ${existing.code}; won and lost ones keep the rate they closed with.` : undefined}
    >
      <form
        noValidate
        className="grid grid-cols-2 gap-4"
        onSubmit={handleSubmit(async (values) => {
          const result = existing
            ? await update.run(values)
            : await create.run(values);
          if (result.ok) onClose();
        })}
      >
        <Field id="currency-code" label="ISO code" error={err("code")}>
          <input id="currency-code" className={inputClass()} readOnly={!!existing} maxLength={3} autoFocus={!existing} aria-invalid={!!err("code")} {...register("code")} />
        </Field>
        <Field id="currency-symbol" label="Symbol" error={err("symbol")}>
          <input id="currency-symbol" className={inputClass()} aria-invalid={!!err("symbol")} {...register("symbol")} />
        </Field>
        <Field id="currency-name" label="Name" error={err("name")} className="col-span-2">
          <input id="currency-name" className={inputClass()} aria-invalid={!!err("name")} {...register("name")} />
        </Field>
        <Field id="currency-rate" label={`Rate: 1 unit = ? ${base}`} error={err("rateToBase")}>
          <input id="currency-rate" inputMode="decimal" className={inputClass()} readOnly={existing?.isBase} autoFocus={!!existing} aria-invalid={!!err("rateToBase")} {...register("rateToBase")} />
        </Field>
        <Field id="currency-date" label="Rate date" error={err("rateDate")}>
          <input id="currency-date" type="date" className={inputClass()} aria-invalid={!!err("rateDate")} {...register("rateDate")} />
        </Field>
        <div className="col-span-2">
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={isSubmitting}>{existing ? "Save" : "Add currency"}</Button>
          </DialogActions>
        </div>
      </form>
    </Dialog>
  );
}
