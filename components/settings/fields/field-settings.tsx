"use client";

import { ArrowDown, ArrowUp, Eye, EyeOff, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import clsx from "clsx";
import type { CustomFieldDto } from "@/lib/server/settings/custom-fields";
import { reorderCustomFieldsAction, setCustomFieldActiveAction } from "@/app/(app)/settings/fields/actions";
import { Button, IconButton } from "../ui/button";
import { Card, Pill } from "../ui/card";
import { useSettingsAction } from "../use-settings-action";
import { FieldDialog, TYPE_LABEL } from "./field-dialog";

export function FieldSettings({ fields }: { fields: CustomFieldDto[] }) {
  const [editing, setEditing] = useState<CustomFieldDto | "new" | null>(null);
  const { run } = useSettingsAction();

  function move(index: number, by: number) {
    const ids = fields.map((f) => f.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    return run(() => reorderCustomFieldsAction({ ids }));
  }

  async function toggle(f: CustomFieldDto) {
    if (f.active && f.usage > 0 && !window.confirm(`${f.usage} opportunities hold a value for ${f.label}. Deactivate it? The values stay stored and come back if you reactivate the field.`)) return;
    await run(() => setCustomFieldActiveAction({ id: f.id, active: !f.active, confirm: true }), `${f.label} ${f.active ? "deactivated" : "reactivated"}`);
  }

  return (
    <Card
      title={`${fields.filter((f) => f.active).length} active fields`}
      description="Fields are deactivated, never dropped, so their data can come back."
      actions={<Button variant="primary" size="sm" onClick={() => setEditing("new")}><Plus className="size-4" aria-hidden="true" /> Add field</Button>}
    >
      {fields.length === 0 ? <p className="px-5 py-10 text-center text-sm text-muted">No custom fields yet.</p> : (
        <table className="w-full text-sm" data-testid="fields-table">
          <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-medium uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-5 py-2.5">Field</th>
              <th scope="col" className="px-3 py-2.5">Type</th>
              <th scope="col" className="px-3 py-2.5">Options</th>
              <th scope="col" className="px-3 py-2.5 text-right">In use</th>
              <th scope="col" className="px-5 py-2.5 text-right"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {fields.map((f, i) => (
              <tr key={f.id} aria-label={f.label} className={clsx(!f.active && "text-muted")}>
                <td className="px-5 py-3">
                  <div className="flex items-center gap-2">
                    <span className={clsx("font-medium", !f.active && "line-through")}>{f.label}</span>
                    {f.required ? <Pill tone="warning">Required</Pill> : null}
                    {!f.active ? <Pill>Inactive</Pill> : null}
                  </div>
                  <code className="text-xs text-muted">{f.key}</code>
                </td>
                <td className="px-3 py-3">{TYPE_LABEL[f.type]}</td>
                <td className="max-w-xs truncate px-3 py-3 text-muted">{f.options.join(", ") || "—"}</td>
                <td className="px-3 py-3 text-right tabular">{f.usage}</td>
                <td className="px-5 py-3">
                  <div className="flex justify-end gap-1">
                    <IconButton label={`Move ${f.label} up`} disabled={i === 0} onClick={() => move(i, -1)}><ArrowUp className="size-4" aria-hidden="true" /></IconButton>
                    <IconButton label={`Move ${f.label} down`} disabled={i === fields.length - 1} onClick={() => move(i, 1)}><ArrowDown className="size-4" aria-hidden="true" /></IconButton>
                    <IconButton label={`Edit ${f.label}`} onClick={() => setEditing(f)}><Pencil className="size-4" aria-hidden="true" /></IconButton>
                    <IconButton label={`${f.active ? "Deactivate" : "Reactivate"} ${f.label}`} onClick={() => toggle(f)}>
                      {f.active ? <EyeOff className="size-4" aria-hidden="true" /> : <Eye className="size-4" aria-hidden="true" />}
                    </IconButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? <FieldDialog field={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
