"use client";

import { Eye, EyeOff, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import clsx from "clsx";
import type { CustomFieldDto } from "@/lib/server/custom-fields/manage";
import { reorderCustomFieldsAction, setCustomFieldActiveAction } from "@/lib/actions/custom-fields";
import { Button, IconButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { MoveButtons, reordered } from "@/components/ui/move-buttons";
import { TableHead } from "@/components/ui/table-head";
import { useAction } from "@/components/ui/use-action";
import { FieldDialog, TYPE_LABEL } from "./field-dialog";

export function FieldSettings({ fields }: { fields: CustomFieldDto[] }) {
  const [editing, setEditing] = useState<CustomFieldDto | "new" | null>(null);
  const reorder = useAction(reorderCustomFieldsAction);
  const setActive = useAction(setCustomFieldActiveAction, {
    success: (_d, { id, active }) => `${fields.find((f) => f.id === id)?.label ?? "Field"} ${active ? "reactivated" : "deactivated"}`,
  });

  const move = (index: number, by: number) => reorder.run({ ids: reordered(fields.map((f) => f.id), index, by) });

  async function toggle(f: CustomFieldDto) {
    if (f.active && f.usage > 0 && !window.confirm(`${f.usage} opportunities hold a value for ${f.label}. Deactivate it? The values stay stored and come back if you reactivate the field.`)) return;
    await setActive.run({ id: f.id, active: !f.active, confirm: true });
  }

  return (
    <Card
      title={`${fields.filter((f) => f.active).length} active fields`}
      description="Fields are deactivated, never dropped, so their data can come back."
      actions={<Button variant="primary" size="sm" onClick={() => setEditing("new")}><Plus className="size-4" aria-hidden="true" /> Add field</Button>}
    >
      {fields.length === 0 ? <p className="px-5 py-10 text-center text-sm text-muted">No custom fields yet.</p> : (
        <div className="relative overflow-x-auto"><table className="w-full text-sm" data-testid="fields-table">
          <TableHead columns={[{ label: "Field" }, { label: "Type" }, { label: "Options" }, { label: "In use", right: true }, { label: "Actions", right: true, hidden: true }]} />
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
                    <MoveButtons name={f.label} index={i} count={fields.length} onMove={(by) => move(i, by)} />
                    <IconButton label={`Edit ${f.label}`} onClick={() => setEditing(f)}><Pencil className="size-4" aria-hidden="true" /></IconButton>
                    <IconButton label={`${f.active ? "Deactivate" : "Reactivate"} ${f.label}`} onClick={() => toggle(f)}>
                      {f.active ? <EyeOff className="size-4" aria-hidden="true" /> : <Eye className="size-4" aria-hidden="true" />}
                    </IconButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      {editing ? <FieldDialog field={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
