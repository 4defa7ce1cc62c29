"use client";
// Create or edit a contact with the shared schema; the account is picked by searching.
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { searchAccountsAction } from "@/app/(app)/accounts/actions";
import { createContactAction, updateContactAction } from "@/app/(app)/contacts/actions";
import { Field, fieldAria, FormSection } from "@/components/forms/field";
import { SearchSelect, type SearchOption } from "@/components/forms/search-select";
import { applyServerErrors } from "@/components/forms/server-errors";
import { buttonClass, inputClass } from "@/components/forms/styles";
import { LEAVE_MESSAGE, useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import type { ContactDto } from "@/lib/server/contacts/dto";
import { contactCreateSchema, type ContactCreateInput, type ContactFormValues } from "@/lib/validation/contact";

const FIELDS = [
  ["firstName", "First name", true],
  ["lastName", "Last name", true],
  ["email", "Email", false],
  ["phone", "Phone", false],
  ["jobTitle", "Job title", false],
] as const;

export function ContactForm({ contact, account: initialAccount }: { contact: ContactDto | null; account: SearchOption | null }) {
  const router = useRouter();
  const [account, setAccount] = useState(initialAccount);
  const { register, handleSubmit, setError, setValue, formState: { errors, isDirty, isSubmitting } } = useForm<ContactFormValues, unknown, ContactCreateInput>({
    resolver: zodResolver(contactCreateSchema),
    mode: "onTouched",
    defaultValues: contact
      ? { firstName: contact.firstName, lastName: contact.lastName, email: contact.email, phone: contact.phone, jobTitle: contact.jobTitle, accountId: contact.accountId }
      : { firstName: "", lastName: "", accountId: initialAccount?.id ?? null },
  });
  useUnsavedChanges(isDirty && !isSubmitting);
  const search = useCallback(async (q: string) => {
    const r = await searchAccountsAction({ q });
    return r.ok ? r.data.map((a) => ({ id: a.id, label: a.name })) : [];
  }, []);
  const onSubmit = handleSubmit(async (values) => {
    const r = contact ? await updateContactAction({ id: contact.id, changes: values }) : await createContactAction(values);
    if (!r.ok) return applyServerErrors(r.error, setError, (p) => p in contactCreateSchema.shape);
    toast.success(contact ? "Contact saved" : "Contact created");
    router.push(`/contacts/${r.data.id}`);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mx-auto max-w-3xl space-y-5" aria-label={contact ? "Edit contact" : "New contact"}>
      <FormSection title="Person">
        {FIELDS.map(([name, label, required]) => (
          <Field key={name} id={name} label={label} required={required} error={errors[name]?.message}>
            <input {...register(name)} {...fieldAria(name, errors[name]?.message)} type={name === "email" ? "email" : "text"} autoFocus={!contact && name === "firstName"} className={inputClass(!!errors[name])} />
          </Field>
        ))}
        <Field id="accountId" label="Account" error={errors.accountId?.message}>
          <SearchSelect
            id="accountId"
            value={account}
            onChange={(a) => {
              setAccount(a);
              setValue("accountId", a?.id ?? null, { shouldDirty: true });
            }}
            search={search}
            placeholder="Search accounts"
            clearLabel="Remove account"
          />
        </Field>
      </FormSection>
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={() => (!isDirty || window.confirm(LEAVE_MESSAGE)) && router.back()}>Cancel</button>
        <button type="submit" className={buttonClass("primary")} disabled={isSubmitting}>{isSubmitting ? "Saving…" : contact ? "Save changes" : "Create contact"}</button>
      </div>
    </form>
  );
}
