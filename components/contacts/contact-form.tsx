"use client";
// Create or edit a contact with the shared schema; the account is picked by searching.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SearchSelect, type SearchOption } from "@/components/forms/search-select";
import { LEAVE_MESSAGE, useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, FormSection, inputClass } from "@/components/ui/field";
import { formFields, useAction } from "@/components/ui/use-action";
import { accountSearch } from "@/components/accounts/account-search";
import { createContactAction, updateContactAction } from "@/lib/actions/contacts";
import { contactKeys } from "./contact-search";
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
  const save = useAction((values: ContactCreateInput) => (contact ? updateContactAction({ id: contact.id, changes: values }) : createContactAction(values)), {
    success: contact ? "Contact saved" : "Contact created",
    form: formFields(setError, (p) => p in contactCreateSchema.shape),
    invalidate: [contactKeys.all],
    refresh: true,
    onSuccess: (saved) => router.push(`/contacts/${saved.id}`),
  });
  const onSubmit = handleSubmit(async (values) => void (await save.run(values)));
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
            source={accountSearch()}
            placeholder="Search accounts"
            clearLabel="Remove account"
          />
        </Field>
      </FormSection>
      <div className="flex justify-end gap-2">
        <Button onClick={() => (!isDirty || window.confirm(LEAVE_MESSAGE)) && router.back()}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={isSubmitting || save.pending}>{isSubmitting || save.pending ? "Saving…" : contact ? "Save changes" : "Create contact"}</Button>
      </div>
    </form>
  );
}
