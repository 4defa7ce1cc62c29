"use client";
// Create or edit an account with the shared schema; server errors land beside their fields.
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { createAccountAction, updateAccountAction } from "@/app/(app)/accounts/actions";
import { Field, fieldAria, FormSection } from "@/components/forms/field";
import { applyServerErrors } from "@/components/forms/server-errors";
import { buttonClass, inputClass } from "@/components/forms/styles";
import { LEAVE_MESSAGE, useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import type { AccountDto } from "@/lib/server/accounts/dto";
import { accountCreateSchema, type AccountCreateInput, type AccountFormValues } from "@/lib/validation/account";

const TEXT_FIELDS = [
  ["industry", "Industry"],
  ["segment", "Market segment"],
  ["territory", "Territory"],
  ["website", "Website"],
  ["phone", "Phone"],
  ["city", "City"],
  ["country", "Country"],
] as const;

export function AccountForm({ account, users, actorId }: { account: AccountDto | null; users: { id: string; name: string }[]; actorId: string }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState: { errors, isDirty, isSubmitting } } = useForm<AccountFormValues, unknown, AccountCreateInput>({
    resolver: zodResolver(accountCreateSchema),
    mode: "onTouched",
    defaultValues: account
      ? { ...Object.fromEntries(Object.entries(account).filter(([k]) => k in accountCreateSchema.shape)) }
      : { name: "", ownerId: actorId },
  });
  useUnsavedChanges(isDirty && !isSubmitting);
  const onSubmit = handleSubmit(async (values) => {
    const r = account ? await updateAccountAction({ id: account.id, changes: values }) : await createAccountAction(values);
    if (!r.ok) return applyServerErrors(r.error, setError, (p) => p in accountCreateSchema.shape);
    toast.success(account ? "Account saved" : "Account created");
    router.push(`/accounts/${r.data.id}`);
    router.refresh();
  });
  const text = (name: (typeof TEXT_FIELDS)[number][0], label: string) => (
    <Field key={name} id={name} label={label} error={errors[name]?.message}>
      <input {...register(name)} {...fieldAria(name, errors[name]?.message)} className={inputClass(!!errors[name])} />
    </Field>
  );
  const nullableNumber = (v: unknown) => (v === "" || v === null ? null : Number(v));
  return (
    <form onSubmit={onSubmit} noValidate className="mx-auto max-w-3xl space-y-5" aria-label={account ? "Edit account" : "New account"}>
      <FormSection title="Company">
        <Field id="name" label="Name" required error={errors.name?.message} className="sm:col-span-2">
          <input {...register("name")} {...fieldAria("name", errors.name?.message)} autoFocus={!account} className={inputClass(!!errors.name)} />
        </Field>
        {TEXT_FIELDS.map(([n, l]) => text(n, l))}
        <Field id="employees" label="Employees" error={errors.employees?.message}>
          <input {...register("employees", { setValueAs: nullableNumber })} {...fieldAria("employees", errors.employees?.message)} type="number" min={0} className={inputClass(!!errors.employees)} />
        </Field>
        <Field id="annualRevenue" label="Annual revenue" error={errors.annualRevenue?.message}>
          <input {...register("annualRevenue", { setValueAs: (v) => (v === "" ? null : v) })} {...fieldAria("annualRevenue", errors.annualRevenue?.message)} inputMode="decimal" className={inputClass(!!errors.annualRevenue)} />
        </Field>
        <Field id="ownerId" label="Account owner" error={errors.ownerId?.message}>
          <select {...register("ownerId", { setValueAs: (v) => (v === "" ? null : v) })} {...fieldAria("ownerId", errors.ownerId?.message)} className={inputClass(!!errors.ownerId)}>
            <option value="">Nobody</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
      </FormSection>
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={() => (!isDirty || window.confirm(LEAVE_MESSAGE)) && router.back()}>Cancel</button>
        <button type="submit" className={buttonClass("primary")} disabled={isSubmitting}>{isSubmitting ? "Saving…" : account ? "Save changes" : "Create account"}</button>
      </div>
    </form>
  );
}
