"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { CurrencyDto } from "@/lib/server/settings/currencies";
import { createCurrencyAction, updateCurrencyAction } from "@/app/(app)/settings/(admin)/currencies/actions";
import { currencyCreateSchema, type CurrencyInput } from "@/lib/validation/settings-currencies";
import { Button } from "../ui/button";
import { Field } from "@/components/forms/field";
import { FormActions, inputClass } from "../ui/field";
import { Modal } from "../ui/modal";
import { useSettingsAction } from "../use-settings-action";

export function CurrencyDialog({ currency, base, onClose }: { currency: CurrencyDto | "new"; base: string; onClose: () => void }) {
  const existing = currency === "new" ? null : currency;
  const today = new Date().toISOString().slice(0, 10);
  const { run, fieldErrors } = useSettingsAction();
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<CurrencyInput>({
    resolver: zodResolver(currencyCreateSchema) as never,
    defaultValues: existing
      ? { code: existing.code, name: existing.name, symbol: existing.symbol, rateToBase: existing.rateToBase, rateDate: existing.rateDate }
      : { code: "", name: "", symbol: "", rateToBase: "", rateDate: today },
  });
  const err = (k: keyof CurrencyInput) => errors[k]?.message ?? fieldErrors[k];
  return (
    <Modal
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
            ? await run(() => updateCurrencyAction(values), (d) => `${values.code} saved${d.reratedOpportunities ? `; ${d.reratedOpportunities} open opportunities re-rated` : ""}`)
            : await run(() => createCurrencyAction(values), `${values.code} added`);
          if (result.ok) onClose();
        })}
      >
        <Field id="currency-code" label="ISO code" error={err("code")}>
          <input id="currency-code" className={inputClass} readOnly={!!existing} maxLength={3} autoFocus={!existing} aria-invalid={!!err("code")} {...register("code")} />
        </Field>
        <Field id="currency-symbol" label="Symbol" error={err("symbol")}>
          <input id="currency-symbol" className={inputClass} aria-invalid={!!err("symbol")} {...register("symbol")} />
        </Field>
        <Field id="currency-name" label="Name" error={err("name")} className="col-span-2">
          <input id="currency-name" className={inputClass} aria-invalid={!!err("name")} {...register("name")} />
        </Field>
        <Field id="currency-rate" label={`Rate: 1 unit = ? ${base}`} error={err("rateToBase")}>
          <input id="currency-rate" inputMode="decimal" className={inputClass} readOnly={existing?.isBase} autoFocus={!!existing} aria-invalid={!!err("rateToBase")} {...register("rateToBase")} />
        </Field>
        <Field id="currency-date" label="Rate date" error={err("rateDate")}>
          <input id="currency-date" type="date" className={inputClass} aria-invalid={!!err("rateDate")} {...register("rateDate")} />
        </Field>
        <div className="col-span-2">
          <FormActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={isSubmitting}>{existing ? "Save" : "Add currency"}</Button>
          </FormActions>
        </div>
      </form>
    </Modal>
  );
}
