"use client";
// The opportunity form, for create and edit. Validates with the shared zod
// schema before submit; the server validates again and its field errors land
// beside the same fields, with everything the user typed kept. Edits carry the
// version they started from, so a concurrent save is shown, never overwritten
// silently: on Save, or as soon as the live stream tells of a newer version.
import { useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import type { SearchOption } from "@/components/forms/search-select";
import { useLiveEvents } from "@/components/live/live-events";
import { LEAVE_MESSAGE, useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, FormSection, inputClass } from "@/components/ui/field";
import { formFields, useAction, type ActionError } from "@/components/ui/use-action";
import { createOpportunityAction, getOpportunityAction, updateOpportunityAction } from "@/lib/actions/opportunities";
import { draftErrors, draftToInput, errorsByKey, type LineDraft, type LineErrors } from "@/components/line-items/draft";
import type { OpportunityDto } from "@/lib/server/opportunities/read/dto";
import type { OpportunityFormOptions } from "@/lib/server/opportunities/form/options";
import type { OpportunityCreateInput, OpportunityFormValues } from "@/lib/validation/opportunity";
import { ConflictPanel } from "./conflict-panel";
import { AttributionSection, ClassificationSection, CustomFieldsSection, LostSection } from "./details-section";
import { clientSchema, emptyValues, stageById, valuesFromDto } from "./form-values";
import { PeopleSection } from "./people-section";
import { LinesSection } from "./lines-section";
import { ValueSection, type ValueDriver } from "./value-section";

const FIELD_NAMES = new Set(Object.keys(emptyValues({ pipelines: [], users: [], currencies: [], sources: [], types: [], lostReasons: [], labels: [], customFields: [] }, "", {})));
const isFormPath = (path: string) => FIELD_NAMES.has(path.split(".")[0]);

/** A version conflict has no fields; a duplicate (externalId) names its field like a validation error. */
const isVersionConflict = (error: ActionError) => error.code === "CONFLICT" && !error.fields;

/** Blank money fields mean 0, so the schema's money rule sees a number. */
function normalize(values: OpportunityFormValues): OpportunityFormValues {
  return { ...values, amount: values.amount?.trim() || "0", oneTimeAmount: values.oneTimeAmount?.trim() || "0", recurringAmount: values.recurringAmount?.trim() || "0" };
}

/**
 * Without lines, amount = one-time + recurring x months: the form sends the one
 * of the two the user typed last and the server derives the other (a preview
 * keeps both in step meanwhile).
 */
function withoutDerived(values: OpportunityCreateInput, driver: ValueDriver): OpportunityCreateInput {
  const { amount, oneTimeAmount, ...rest } = values;
  return driver === "amount" ? { ...rest, amount } : { ...rest, oneTimeAmount };
}

export interface OpportunityFormProps {
  options: OpportunityFormOptions;
  actorId: string;
  opportunity: OpportunityDto | null;
  preset?: { stageId?: string | undefined };
  account: SearchOption | null;
  contacts: SearchOption[];
  hasLineItems?: boolean;
}

export function OpportunityForm({ options, actorId, opportunity, preset = {}, account: initialAccount, contacts, hasLineItems = false }: OpportunityFormProps) {
  const router = useRouter();
  const [base, setBase] = useState(opportunity);
  const [conflict, setConflict] = useState<OpportunityDto | null>(null);
  const [account, setAccount] = useState(initialAccount);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [valueDriver, setValueDriver] = useState<ValueDriver>("amount");
  const [lineErrors, setLineErrors] = useState<Record<string, LineErrors>>({});
  const [showLineErrors, setShowLineErrors] = useState(false);
  const [contactLabels, setContactLabels] = useState<Record<string, SearchOption>>(() => Object.fromEntries(contacts.map((c) => [c.id, c])));
  const schema = useMemo(() => clientSchema(options), [options]);
  const resolver: Resolver<OpportunityFormValues, unknown, OpportunityCreateInput> = (values, context, opts) => zodResolver(schema)(normalize(values), context, opts);
  const form = useForm<OpportunityFormValues, unknown, OpportunityCreateInput>({
    resolver,
    mode: "onTouched",
    defaultValues: opportunity ? valuesFromDto(opportunity, options) : emptyValues(options, actorId, { stageId: preset.stageId, accountId: initialAccount?.id ?? null }),
  });
  const { register, handleSubmit, setValue, setError, reset, control, formState: { errors, isDirty, isSubmitting } } = form;
  const placeOnForm = formFields(setError, isFormPath);
  const savedVersion = useRef(0);
  const submit = useAction(
    ({ values, version }: { values: OpportunityCreateInput; version?: number }) => {
      // With lines the server derives the amounts from them; the form's copies are only a preview.
      const { amount: _amount, oneTimeAmount: _oneTime, recurringAmount: _recurring, ...withoutAmounts } = values;
      const manual = hasLineItems ? values : withoutDerived(values, valueDriver);
      return base
        ? updateOpportunityAction({ id: base.id, changes: { ...manual, version: version ?? base.version } })
        : createOpportunityAction(lines.length ? { ...withoutAmounts, lineItems: lines.map(draftToInput) } : manual);
    },
    {
      success: base ? "Changes saved" : "Opportunity created",
      // Line errors go beside their cells in the editor; the rest beside the form's fields.
      form: (error) => {
        setLineErrors(errorsByKey(error.fields, lines, "lineItems"));
        return placeOnForm({ ...error, fields: Object.fromEntries(Object.entries(error.fields ?? {}).filter(([path]) => !path.startsWith("lineItems."))) });
      },
      failure: (error) => (base && isVersionConflict(error) ? null : error.message),
      onFailure: (error) => {
        if (base && isVersionConflict(error)) void showConflict(base.id);
      },
      onSuccess: (saved) => {
        savedVersion.current = saved.version;
        setConflict(null);
        reset(valuesFromDto(saved, options));
        router.push(`/opportunities/${saved.id}`);
      },
    },
  );
  const busy = submit.pending;
  useUnsavedChanges((isDirty || lines.length > 0) && !busy);
  const [pipelineId, stageId] = useWatch({ control, name: ["pipelineId", "stageId"] });
  const pipeline = options.pipelines.find((p) => p.id === pipelineId) ?? options.pipelines[0];
  const stage = stageById(options, stageId);

  async function showConflict(id: string) {
    const latest = await getOpportunityAction({ id });
    if (latest.ok) setConflict(latest.data);
    else toast.error(latest.error.message);
  }

  // Someone else saved while this form is open: the conflict panel at once, before Save (this form's own save is not "someone else").
  useLiveEvents((m) => {
    if (!base || busy || m.recordType !== "opportunity" || m.id !== base.id || m.version === undefined) return;
    if (m.version > Math.max(base.version, conflict?.version ?? 0, savedVersion.current)) void showConflict(base.id);
  });

  async function save(values: OpportunityCreateInput, version?: number) {
    if (!base && lines.some((l) => Object.keys(draftErrors(l)).length)) {
      setShowLineErrors(true);
      toast.error("Please correct the highlighted line items");
      return;
    }
    await submit.run({ values, version });
  }

  const onSubmit = handleSubmit((values) => save(values), () => toast.error("Please correct the highlighted fields"));

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="mx-auto max-w-4xl space-y-5" aria-label={base ? "Edit opportunity" : "New opportunity"}>
        {conflict && base ? (
          <ConflictPanel
            base={base}
            latest={conflict}
            options={options}
            busy={busy}
            onReload={() => {
              setBase(conflict);
              reset(valuesFromDto(conflict, options));
              setConflict(null);
              toast.info("Loaded the latest version");
            }}
            onOverwrite={() => void handleSubmit((values) => save(values, conflict.version))()}
          />
        ) : null}
        <FormSection title="Basics">
          <Field id="title" label="Title" required error={errors.title?.message} className="sm:col-span-2">
            <input {...register("title")} {...fieldAria("title", errors.title?.message)} autoFocus={!base} placeholder="e.g. Acme platform rollout" className={inputClass(!!errors.title)} />
          </Field>
          <Field id="pipelineId" label="Pipeline" error={errors.pipelineId?.message}>
            <select
              {...register("pipelineId", {
                onChange: (e) => {
                  const next = options.pipelines.find((p) => p.id === e.target.value);
                  setValue("stageId", next?.stages.find((s) => s.type === "OPEN")?.id ?? "", { shouldDirty: true, shouldValidate: true });
                },
              })}
              {...fieldAria("pipelineId", errors.pipelineId?.message)}
              className={inputClass(!!errors.pipelineId)}
            >
              {options.pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </Field>
          <Field id="stageId" label="Stage" required error={errors.stageId?.message}>
            <select {...register("stageId")} {...fieldAria("stageId", errors.stageId?.message)} className={inputClass(!!errors.stageId)}>
              {pipeline?.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.type === "OPEN" ? `${s.probability}%` : s.type === "WON" ? "won" : "lost"})
                </option>
              ))}
            </select>
          </Field>
          <Field id="description" label="Description" error={errors.description?.message} className="sm:col-span-2">
            <textarea {...register("description")} {...fieldAria("description", errors.description?.message)} rows={3} className={inputClass(!!errors.description)} />
          </Field>
        </FormSection>
        {stage?.type === "LOST" ? <LostSection options={options} /> : null}
        {base ? null : (
          <LinesSection
            options={options}
            lines={lines}
            onChange={(next) => {
              setLines(next);
              setLineErrors({});
            }}
            serverErrors={lineErrors}
            showAllErrors={showLineErrors}
          />
        )}
        <ValueSection options={options} hasLineItems={hasLineItems || lines.length > 0} driver={valueDriver} onDriver={setValueDriver} />
        <PeopleSection
          options={options}
          account={account}
          onAccount={setAccount}
          contactLabels={contactLabels}
          onContactLabel={(o) => setContactLabels((m) => ({ ...m, [o.id]: o }))}
        />
        <ClassificationSection options={options} />
        <CustomFieldsSection options={options} />
        <AttributionSection />
        <div className="sticky bottom-0 -mx-1 flex items-center justify-end gap-2 border-t border-border bg-background/90 px-1 py-3 backdrop-blur">
          {isDirty ? <span className="mr-auto text-xs text-muted">Unsaved changes</span> : null}
          <Button onClick={() => (!isDirty || window.confirm(LEAVE_MESSAGE)) && router.back()}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={isSubmitting || busy || !!conflict}>
            {busy ? "Saving…" : base ? "Save changes" : "Create opportunity"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
