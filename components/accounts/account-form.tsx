"use client";
// Create or edit an account with the shared schema; server errors land beside their fields.
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { LEAVE_MESSAGE, useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, FormSection, inputClass } from "@/components/ui/field";
import { formFields, useAction } from "@/components/ui/use-action";
import { createAccountAction, updateAccountAction } from "@/lib/actions/accounts";
import { contactKeys } from "@/components/contacts/contact-search";
import { accountKeys } from "./account-search";
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
  const save = useAction((values: AccountCreateInput) => (account ? updateAccountAction({ id: account.id, changes: values }) : createAccountAction(values)), {
    success: account ? "Account saved" : "Account created",
    form: formFields(setError, (p) => p in accountCreateSchema.shape),
    // Contacts show their account's name in searches.
    invalidate: [accountKeys.all, contactKeys.all],
    refresh: true,
    onSuccess: (saved) => router.push(`/accounts/${saved.id}`),
  });
  const onSubmit = handleSubmit(async (values) => void (await save.run(values)));
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
        <Button onClick={() => (!isDirty || window.confirm(LEAVE_MESSAGE)) && router.back()}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={isSubmitting || save.pending}>{isSubmitting || save.pending ? "Saving…" : account ? "Save changes" : "Create account"}</Button>
      </div>
    </form>
  );
}
