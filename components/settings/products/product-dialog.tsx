"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { ProductDto } from "@/lib/server/products/dto";
import { createProductAction, updateProductAction } from "@/lib/actions/products";
import { productCreateSchema, type ProductCreateInput, type ProductFormValues } from "@/lib/validation/products";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

/** Create or edit a product; an edit sends only what changed, with the version it started from. */
export function ProductDialog({ product, currencies, groups, onClose }: { product: ProductDto | "new"; currencies: string[]; groups: string[]; onClose: () => void }) {
  const existing = product === "new" ? null : product;
  const create = useAction(createProductAction, { success: (_d, { code }) => `${code} added` });
  const update = useAction(updateProductAction, { success: (d) => `${d.code} saved` });
  const fieldErrors = existing ? update.fieldErrors : create.fieldErrors;
  const { register, handleSubmit, formState: { errors, isSubmitting, dirtyFields } } = useForm<ProductFormValues, unknown, ProductCreateInput>({
    resolver: zodResolver(productCreateSchema),
    defaultValues: existing
      ? { code: existing.code, name: existing.name, description: existing.description ?? "", unit: existing.unit, unitPrice: existing.unitPrice, currency: existing.currency, group: existing.group ?? "", billing: existing.billing, active: existing.active }
      : { code: "", name: "", description: "", unit: "unit", unitPrice: "", currency: currencies[0] ?? "USD", group: "", billing: "ONE_TIME", active: true },
  });
  const err = (k: keyof ProductFormValues) => errors[k]?.message ?? fieldErrors[k];
  return (
    <Dialog open onClose={onClose} wide title={existing ? `Edit ${existing.code}` : "Add a product"} description={existing?.lineItemCount ? `On ${existing.lineItemCount} line items. Their prices stay as they were sold; a new price applies to new lines.` : undefined}>
      <form
        noValidate
        className="grid grid-cols-2 gap-4 sm:grid-cols-4"
        onSubmit={handleSubmit(async (values) => {
          const result = existing
            ? await update.run({ id: existing.id, changes: { ...Object.fromEntries(Object.keys(dirtyFields).map((k) => [k, values[k as keyof ProductCreateInput]])), version: existing.version } })
            : await create.run(values);
          if (result.ok) onClose();
        })}
      >
        <Field id="product-code" label="Code" error={err("code")}>
          <input id="product-code" className={inputClass()} autoFocus={!existing} aria-invalid={!!err("code")} {...register("code")} />
        </Field>
        <Field id="product-name" label="Name" error={err("name")} className="col-span-2 sm:col-span-3">
          <input id="product-name" className={inputClass()} autoFocus={!!existing} aria-invalid={!!err("name")} {...register("name")} />
        </Field>
        <Field id="product-description" label="Description" error={err("description")} className="col-span-2 sm:col-span-4">
          <textarea id="product-description" rows={2} className={inputClass()} aria-invalid={!!err("description")} {...register("description")} />
        </Field>
        <Field id="product-price" label="Unit price" error={err("unitPrice")}>
          <input id="product-price" inputMode="decimal" className={`${inputClass()} text-right tabular`} aria-invalid={!!err("unitPrice")} {...register("unitPrice")} />
        </Field>
        <Field id="product-currency" label="Currency" error={err("currency")}>
          <select id="product-currency" className={inputClass()} aria-invalid={!!err("currency")} {...register("currency")}>
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </Field>
        <Field id="product-unit" label="Unit" error={err("unit")}>
          <input id="product-unit" className={inputClass()} placeholder="seat, hour, device" aria-invalid={!!err("unit")} {...register("unit")} />
        </Field>
        <Field id="product-billing" label="Billing" error={err("billing")}>
          <select id="product-billing" className={inputClass()} {...register("billing")}>
            <option value="ONE_TIME">One-time</option>
            <option value="MONTHLY">Monthly</option>
          </select>
        </Field>
        <Field id="product-group" label="Group" error={err("group")} className="col-span-2">
          <input id="product-group" className={inputClass()} list="product-groups" placeholder="e.g. Licences" aria-invalid={!!err("group")} {...register("group")} />
          <datalist id="product-groups">{groups.map((g) => <option key={g} value={g} />)}</datalist>
        </Field>
        <label className="col-span-2 flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" className="size-4 rounded border-border" {...register("active")} /> Active (offered in the line item picker)
        </label>
        <div className="col-span-2 sm:col-span-4">
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={isSubmitting}>{existing ? "Save" : "Add product"}</Button>
          </DialogActions>
        </div>
      </form>
    </Dialog>
  );
}
