"use client";
// Classification (source, type, labels, rating), privacy, the admin's custom
// fields, and campaign attribution (collapsed: rarely typed by hand).
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Lock, Star } from "lucide-react";
import clsx from "clsx";
import { Field, fieldAria, FormSection, inputClass } from "@/components/ui/field";
import { filledWith } from "@/lib/domain/color";
import type { OpportunityFormOptions } from "@/lib/server/opportunities/form/options";
import type { OpportunityFormValues } from "@/lib/validation/opportunity";

const nullIfBlank = (v: unknown) => (v === "" ? null : v);

export function ClassificationSection({ options }: { options: OpportunityFormOptions }) {
  const { register, control, formState: { errors } } = useFormContext<OpportunityFormValues>();
  const [isPrivate, memberIds] = useWatch({ control, name: ["isPrivate", "memberIds"] });
  const memberNames = options.users.filter((u) => memberIds?.includes(u.id)).map((u) => u.name);
  return (
    <FormSection title="Classification and privacy">
      <Field id="sourceId" label="Source" error={errors.sourceId?.message}>
        <select {...register("sourceId", { setValueAs: nullIfBlank })} {...fieldAria("sourceId", errors.sourceId?.message)} className={inputClass(!!errors.sourceId)}>
          <option value="">—</option>
          {options.sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </Field>
      <Field id="typeId" label="Type" error={errors.typeId?.message}>
        <select {...register("typeId", { setValueAs: nullIfBlank })} {...fieldAria("typeId", errors.typeId?.message)} className={inputClass(!!errors.typeId)}>
          <option value="">—</option>
          {options.types.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </Field>
      <Controller
        control={control}
        name="labels"
        render={({ field }) => (
          <Field id="labels" label="Labels" error={errors.labels?.message}>
            <div id="labels" role="group" aria-label="Labels" className="flex flex-wrap gap-1.5">
              {options.labels.map((l) => {
                const on = (field.value ?? []).includes(l.key);
                return (
                  <button key={l.key} type="button" aria-pressed={on} onClick={() => field.onChange(on ? field.value!.filter((k) => k !== l.key) : [...(field.value ?? []), l.key])}
                    className={clsx("rounded-full border px-2.5 py-1 text-xs font-medium transition", on ? "" : "border-border text-muted hover:text-text")}
                    style={on ? filledWith(l.color) : undefined}>
                    {l.name}
                  </button>
                );
              })}
            </div>
          </Field>
        )}
      />
      <Controller
        control={control}
        name="rating"
        render={({ field }) => (
          <Field id="rating" label="Rating" error={errors.rating?.message}>
            <div id="rating" role="radiogroup" aria-label="Rating" className="flex items-center gap-0.5">
              {[1, 2, 3, 4, 5].map((n) => (
                <button key={n} type="button" role="radio" aria-checked={field.value === n} aria-label={`${n} of 5`} onClick={() => field.onChange(field.value === n ? null : n)} className="rounded p-0.5 text-amber-500 hover:scale-110">
                  <Star className={clsx("size-5", (field.value ?? 0) >= n ? "fill-current" : "text-border")} />
                </button>
              ))}
              {field.value != null ? <button type="button" onClick={() => field.onChange(null)} className="ml-2 text-xs text-muted hover:text-text">Clear</button> : null}
            </div>
          </Field>
        )}
      />
      <div className="sm:col-span-2">
        <label className="flex items-start gap-2.5 text-sm">
          <input type="checkbox" {...register("isPrivate")} className="mt-0.5 size-4 accent-[var(--accent)]" />
          <span>
            <span className="flex items-center gap-1 font-medium"><Lock className="size-3.5" aria-hidden="true" /> Private</span>
            <span className="block text-xs text-muted">
              {isPrivate
                ? `Only the owner${memberNames.length ? `, ${memberNames.join(", ")}` : ""}, managers and admins can see it. Add members above to let others in.`
                : "Everyone in the team can see it."}
            </span>
          </span>
        </label>
      </div>
    </FormSection>
  );
}

export function CustomFieldsSection({ options }: { options: OpportunityFormOptions }) {
  const { register, formState: { errors } } = useFormContext<OpportunityFormValues>();
  if (!options.customFields.length) return null;
  const errorOf = (key: string) => (errors.customFields as Record<string, { message?: string }> | undefined)?.[key]?.message;
  return (
    <FormSection title="Custom fields" description="Defined by your admin">
      {options.customFields.map((def) => {
        const id = `cf-${def.key}`;
        const error = errorOf(def.key);
        const name = `customFields.${def.key}` as const;
        const aria = fieldAria(id, error);
        if (def.type === "CHECKBOX") {
          return (
            <label key={def.key} className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" {...register(name)} {...aria} className="size-4" />
              {def.label}
              {error ? <span role="alert" className="text-xs text-danger">{error}</span> : null}
            </label>
          );
        }
        return (
          <Field key={def.key} id={id} label={def.label} required={def.required} error={error} className={def.type === "TEXTAREA" ? "sm:col-span-2" : undefined}>
            {def.type === "TEXTAREA" ? (
              <textarea {...register(name)} {...aria} rows={3} className={inputClass(!!error)} />
            ) : def.type === "SELECT" ? (
              <select {...register(name)} {...aria} className={inputClass(!!error)}>
                <option value="">—</option>
                {def.options.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            ) : (
              <input {...register(name)} {...aria} type={def.type === "DATE" ? "date" : "text"} inputMode={def.type === "NUMBER" ? "decimal" : undefined} className={inputClass(!!error)} />
            )}
          </Field>
        );
      })}
    </FormSection>
  );
}

export function LostSection({ options }: { options: OpportunityFormOptions }) {
  const { register, formState: { errors } } = useFormContext<OpportunityFormValues>();
  return (
    <FormSection title="Why it was lost">
      <Field id="lostReasonId" label="Lost reason" required error={errors.lostReasonId?.message}>
        <select {...register("lostReasonId", { setValueAs: nullIfBlank })} {...fieldAria("lostReasonId", errors.lostReasonId?.message)} className={inputClass(!!errors.lostReasonId)}>
          <option value="">Choose a reason…</option>
          {options.lostReasons.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </Field>
      <Field id="competitor" label="Competitor" error={errors.competitor?.message}>
        <input {...register("competitor")} {...fieldAria("competitor", errors.competitor?.message)} className={inputClass(!!errors.competitor)} />
      </Field>
      <Field id="lostNote" label="Note" error={errors.lostNote?.message} className="sm:col-span-2">
        <textarea {...register("lostNote")} {...fieldAria("lostNote", errors.lostNote?.message)} rows={2} className={inputClass(!!errors.lostNote)} />
      </Field>
    </FormSection>
  );
}

const UTM = [
  ["utmSource", "UTM source"],
  ["utmMedium", "UTM medium"],
  ["utmCampaign", "UTM campaign"],
  ["utmContent", "UTM content"],
  ["externalId", "External id"],
] as const;

export function AttributionSection() {
  const { register, formState: { errors } } = useFormContext<OpportunityFormValues>();
  const hasError = UTM.some(([name]) => errors[name]);
  return (
    <details open={hasError || undefined} className="group rounded-xl border border-border bg-surface p-5 shadow-sm">
      <summary className="cursor-pointer text-sm font-semibold marker:text-muted">Campaign attribution and integration</summary>
      <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
        {UTM.map(([name, label]) => (
          <Field key={name} id={name} label={label} error={errors[name]?.message}>
            <input {...register(name)} {...fieldAria(name, errors[name]?.message)} className={inputClass(!!errors[name])} />
          </Field>
        ))}
      </div>
    </details>
  );
}
