"use client";

// Defines or edits a custom field. Key and type are fixed after creation:
// stored values live under the key and were validated against the type.
import { useState } from "react";
import type { CustomFieldDto } from "@/lib/server/custom-fields/manage";
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from "@/lib/validation/custom-fields";
import { createCustomFieldAction, updateCustomFieldAction } from "@/lib/actions/custom-fields";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

export const TYPE_LABEL: Record<CustomFieldType, string> = { TEXT: "Text", TEXTAREA: "Long text", NUMBER: "Number", SELECT: "Select", CHECKBOX: "Checkbox", DATE: "Date" };

/** "Contract tier" -> "contractTier", the camelCase the API uses for every other field. */
function keyFromLabel(label: string): string {
  const words = label.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, " ").trim().toLowerCase().split(" ").filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  return (/^[a-z]/.test(key) ? key : `field${key}`).slice(0, 40);
}

export function FieldDialog({ field, onClose }: { field: CustomFieldDto | "new"; onClose: () => void }) {
  const existing = field === "new" ? null : field;
  const [label, setLabel] = useState(existing?.label ?? "");
  const [key, setKey] = useState(existing?.key ?? "");
  const [keyTouched, setKeyTouched] = useState(false);
  const [type, setType] = useState<CustomFieldType>(existing?.type ?? "TEXT");
  const [required, setRequired] = useState(existing?.required ?? false);
  const [options, setOptions] = useState((existing?.options ?? []).join("\n"));
  const [confirmRemoval, setConfirmRemoval] = useState(false);
  const create = useAction(createCustomFieldAction, { success: (_d, input) => `${input.label} added` });
  const update = useAction(updateCustomFieldAction, { success: (_d, input) => `${input.label} saved` });
  const { fieldErrors, pending } = existing ? update : create;
  const optionList = options.split("\n").map((o) => o.trim()).filter(Boolean);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const result = existing
      ? await update.run({ id: existing.id, label, required, options: optionList, confirmRemovedOptions: confirmRemoval })
      : await create.run({ key, label, type, required, options: type === "SELECT" ? optionList : [] });
    if (result.ok) onClose();
    else if (result.error.code === "CONFLICT" && result.error.fields?.options) setConfirmRemoval(true);
  }

  return (
    <Dialog open onClose={onClose} title={existing ? `Edit ${existing.label}` : "Add a custom field"}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <Field id="field-label" label="Label" error={fieldErrors.label}>
          <input id="field-label" className={inputClass()} autoFocus value={label} onChange={(e) => { setLabel(e.target.value); if (!existing && !keyTouched) setKey(keyFromLabel(e.target.value)); }} aria-invalid={!!fieldErrors.label} />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field id="field-key" label="Key" error={fieldErrors.key} hint={existing ? "Keys never change." : "Used by the API and CSV export; fixed once created."}>
            <input id="field-key" className={`${inputClass()} font-mono`} value={key} readOnly={!!existing} onChange={(e) => { setKey(e.target.value); setKeyTouched(true); }} aria-invalid={!!fieldErrors.key} />
          </Field>
          <Field id="field-type" label="Type" error={fieldErrors.type}>
            <select id="field-type" className={inputClass()} value={type} disabled={!!existing} onChange={(e) => setType(e.target.value as CustomFieldType)}>
              {CUSTOM_FIELD_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABEL[t]}</option>)}
            </select>
          </Field>
        </div>
        {type === "SELECT" ? (
          <Field id="field-options" label="Options, one per line" error={fieldErrors.options} hint="Removing an option keeps the values already stored; adding it back restores them.">
            <textarea id="field-options" rows={5} className={inputClass()} value={options} onChange={(e) => { setOptions(e.target.value); setConfirmRemoval(false); }} aria-invalid={!!fieldErrors.options} />
          </Field>
        ) : null}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          Required on every opportunity
        </label>
        {confirmRemoval ? (
          <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200">
            Some opportunities use a removed option. Their values stay stored (hidden until the option returns). Save again to confirm.
          </p>
        ) : null}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>{confirmRemoval ? "Remove option and save" : existing ? "Save" : "Add field"}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
