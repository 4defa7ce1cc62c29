"use client";

import { Eye, EyeOff, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import clsx from "clsx";
import type { ListItemDto } from "@/lib/server/lists/items";
import type { ListKind } from "@/lib/validation/lists";
import { createListItemAction, reorderListAction, updateListItemAction } from "@/lib/actions/lists";
import { STAGE_COLORS } from "../pipelines/stage-form-dialog";
import { Button, IconButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { inputClass } from "@/components/ui/field";
import { MoveButtons, reordered } from "@/components/ui/move-buttons";
import { NameDialog } from "../name-dialog";
import { useAction } from "@/components/ui/use-action";

export function ListEditor({ kind, title, description, items }: { kind: ListKind; title: string; description: string; items: ListItemDto[] }) {
  const [color, setColor] = useState(STAGE_COLORS[0]);
  const [renaming, setRenaming] = useState<ListItemDto | null>(null);
  const reorder = useAction(reorderListAction);
  const create = useAction(createListItemAction, { success: (_d, { name }) => `${name} added` });
  const update = useAction(updateListItemAction, {
    success: (d, input) => (input.active === undefined ? "Renamed" : `${d.name} ${input.active ? "reactivated" : "deactivated"}`),
  });
  const isLabel = kind === "label";

  const move = (index: number, by: number) => reorder.run({ kind, ids: reordered(items.map((i) => i.id), index, by) });

  return (
    <Card title={title} description={description}>
      <ul className="divide-y divide-border" aria-label={title}>
        {items.map((item, i) => (
          <li key={item.id} aria-label={item.name} className="flex items-center gap-2 px-5 py-2">
            {isLabel ? <span className="size-3 rounded-full" style={{ backgroundColor: item.color ?? undefined }} aria-hidden="true" /> : null}
            <span className={clsx("flex-1 text-sm", !item.active && "text-muted line-through")}>{item.name}</span>
            {isLabel ? <code className="text-xs text-muted">{item.id}</code> : null}
            {!item.active ? <Pill>Inactive</Pill> : null}
            <MoveButtons name={item.name} index={i} count={items.length} onMove={(by) => move(i, by)} />
            <IconButton label={`Rename ${item.name}`} onClick={() => { update.clearErrors(); setRenaming(item); }}><Pencil className="size-4" aria-hidden="true" /></IconButton>
            <IconButton
              label={`${item.active ? "Deactivate" : "Reactivate"} ${item.name}`}
              onClick={() => update.run({ kind, id: item.id, active: !item.active })}
            >
              {item.active ? <EyeOff className="size-4" aria-hidden="true" /> : <Eye className="size-4" aria-hidden="true" />}
            </IconButton>
          </li>
        ))}
      </ul>
      <form
        className="flex items-start gap-2 border-t border-border px-5 py-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const name = String(new FormData(form).get("name") ?? "");
          const result = await create.run({ kind, name, ...(isLabel ? { color } : {}) });
          if (result.ok) form.reset();
        }}
      >
        <div className="flex-1">
          <label htmlFor={`new-${kind}`} className="sr-only">New item for {title}</label>
          <input id={`new-${kind}`} name="name" className={inputClass()} placeholder={`Add to ${title.toLowerCase()}…`} maxLength={80} aria-invalid={!!create.fieldErrors.name} />
          {create.fieldErrors.name ? <p role="alert" className="mt-1 text-xs text-danger">{create.fieldErrors.name}</p> : null}
        </div>
        {isLabel ? (
          // The colour shows as a swatch beside the select: text in a light colour would not read.
          <span className="flex items-center gap-1.5">
            <span className="size-4 shrink-0 rounded-full ring-1 ring-border" style={{ backgroundColor: color }} aria-hidden="true" />
            <select aria-label="Label color" className="rounded-lg border border-border bg-surface px-2 py-2 text-sm" value={color} onChange={(e) => setColor(e.target.value)}>
              {STAGE_COLORS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </span>
        ) : null}
        <Button type="submit" disabled={create.pending}><Plus className="size-4" aria-hidden="true" /> Add</Button>
      </form>
      <NameDialog
        key={renaming?.id ?? "none"}
        open={renaming !== null}
        onClose={() => setRenaming(null)}
        title={`Rename ${renaming?.name ?? ""}`}
        initial={renaming?.name ?? ""}
        error={update.fieldErrors.name}
        onSubmit={async (newName) => (await update.run({ kind, id: renaming!.id, name: newName })).ok}
      />
    </Card>
  );
}
