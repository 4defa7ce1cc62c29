"use client";
// Who: owner, members, the customer account (search as you type, or create
// it inline) and its contacts, exactly one of them primary.
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Star, X } from "lucide-react";
import clsx from "clsx";
import { accountKeys, accountSearch } from "@/components/accounts/account-search";
import { contactKeys, contactSearch } from "@/components/contacts/contact-search";
import { SearchSelect, type SearchOption } from "@/components/forms/search-select";
import { IconButton } from "@/components/ui/button";
import { Field, fieldAria, FormSection, inputClass } from "@/components/ui/field";
import { firstFieldMessage, useAction } from "@/components/ui/use-action";
import { createAccountAction } from "@/lib/actions/accounts";
import { createContactAction } from "@/lib/actions/contacts";
import type { OpportunityFormOptions } from "@/lib/server/opportunities/form/options";
import type { OpportunityFormValues } from "@/lib/validation/opportunity";

export function PeopleSection({
  options,
  account,
  onAccount,
  contactLabels,
  onContactLabel,
}: {
  options: OpportunityFormOptions;
  account: SearchOption | null;
  onAccount: (a: SearchOption | null) => void;
  contactLabels: Record<string, SearchOption>;
  onContactLabel: (o: SearchOption) => void;
}) {
  const { register, control, setValue, formState: { errors } } = useFormContext<OpportunityFormValues>();
  const [ownerId, accountId] = useWatch({ control, name: ["ownerId", "accountId"] });

  // Created inline, they are new search results; the form's own page data does not change.
  const newAccount = useAction(createAccountAction, { success: (a) => `Account “${a.name}” created`, failure: firstFieldMessage, invalidate: [accountKeys.all] });
  const newContact = useAction(createContactAction, { success: (c) => `Contact “${c.firstName} ${c.lastName}” created`, failure: firstFieldMessage, invalidate: [contactKeys.all] });
  const createAccount = async (name: string) => {
    const r = await newAccount.run({ name });
    return r.ok ? { id: r.data.id, label: r.data.name } : null;
  };
  // "Jane van Dyke" → first name "Jane", last name "van Dyke"; a single word is both.
  const createContact = async (text: string) => {
    const [first, ...rest] = text.trim().split(/\s+/);
    const r = await newContact.run({ firstName: first, lastName: rest.join(" ") || first, accountId: accountId ?? null });
    return r.ok ? { id: r.data.id, label: `${r.data.firstName} ${r.data.lastName}`, detail: account?.label ?? null } : null;
  };
  const contactsError = errors.contacts?.message ?? errors.contacts?.root?.message;

  return (
    <FormSection title="People and customer">
      <Field id="ownerId" label="Owner" error={errors.ownerId?.message}>
        <select {...register("ownerId")} {...fieldAria("ownerId", errors.ownerId?.message)} className={inputClass(!!errors.ownerId)}>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="expectedCloseDate" label="Expected close date" error={errors.expectedCloseDate?.message}>
        <input {...register("expectedCloseDate", { setValueAs: (v) => (v === "" ? null : v) })} {...fieldAria("expectedCloseDate", errors.expectedCloseDate?.message)} type="date" className={inputClass(!!errors.expectedCloseDate)} />
      </Field>
      <Controller
        control={control}
        name="memberIds"
        render={({ field }) => (
          <Field id="members" label="Members" className="sm:col-span-2" error={errors.memberIds?.message} hint="People who work on this deal; they may edit it and see it when it is private">
            <div id="members" role="group" aria-label="Members" className="flex flex-wrap gap-1.5">
              {options.users
                .filter((u) => u.id !== ownerId)
                .map((u) => {
                  const on = (field.value ?? []).includes(u.id);
                  return (
                    <button
                      key={u.id}
                      type="button"
                      aria-pressed={on}
                      onClick={() => field.onChange(on ? field.value!.filter((id) => id !== u.id) : [...(field.value ?? []), u.id])}
                      className={clsx("rounded-full border px-2.5 py-1 text-xs font-medium transition", on ? "border-accent bg-accent-soft text-accent" : "border-border text-muted hover:text-text")}
                    >
                      {u.name}
                    </button>
                  );
                })}
            </div>
          </Field>
        )}
      />
      <Field id="accountId" label="Account" error={errors.accountId?.message} className="sm:col-span-2">
        <SearchSelect
          id="accountId"
          value={account}
          onChange={(a) => {
            onAccount(a);
            setValue("accountId", a?.id ?? null, { shouldDirty: true, shouldValidate: true });
          }}
          source={accountSearch()}
          onCreate={createAccount}
          placeholder="Search accounts, or type a new name"
          invalid={!!errors.accountId}
          clearLabel="Remove account"
        />
      </Field>
      <Controller
        control={control}
        name="contacts"
        render={({ field }) => {
          const list = field.value ?? [];
          const setList = (next: typeof list) => field.onChange(next.length && !next.some((c) => c.isPrimary) ? next.map((c, i) => ({ ...c, isPrimary: i === 0 })) : next);
          return (
            <Field id="contact-search" label="Contacts" className="sm:col-span-2" error={contactsError} hint="The primary contact is the main person you deal with">
              {list.length ? (
                <ul className="mb-2 divide-y divide-border rounded-lg border border-border" data-testid="opportunity-contacts">
                  {list.map((c) => (
                    <li key={c.contactId} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                      <span className="min-w-0 truncate">
                        {contactLabels[c.contactId]?.label ?? "Contact"}
                        {contactLabels[c.contactId]?.detail ? <span className="ml-2 text-xs text-muted">{contactLabels[c.contactId].detail}</span> : null}
                      </span>
                      <span className="flex items-center gap-2">
                        <label className={clsx("flex cursor-pointer items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium", c.isPrimary ? "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300" : "text-muted hover:text-text")}>
                          <input type="radio" name="primary-contact" className="sr-only" checked={c.isPrimary} onChange={() => setList(list.map((x) => ({ ...x, isPrimary: x.contactId === c.contactId })))} />
                          <Star className={clsx("size-3", c.isPrimary && "fill-current")} aria-hidden="true" />
                          {c.isPrimary ? "Primary" : "Make primary"}
                        </label>
                        <IconButton label={`Remove ${contactLabels[c.contactId]?.label ?? "contact"}`} onClick={() => setList(list.filter((x) => x.contactId !== c.contactId))} className="size-6">
                          <X className="size-3.5" aria-hidden="true" />
                        </IconButton>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              <SearchSelect
                id="contact-search"
                value={null}
                onChange={(o) => {
                  if (!o || list.some((c) => c.contactId === o.id)) return;
                  onContactLabel(o);
                  setList([...list, { contactId: o.id, isPrimary: list.length === 0 }]);
                }}
                source={contactSearch(accountId ?? null)}
                onCreate={createContact}
                placeholder="Add a contact by name, email or company, or type a new name"
                invalid={!!contactsError}
              />
            </Field>
          );
        }}
      />
    </FormSection>
  );
}
