"use client";
// The line item editor: a controlled list of draft lines (the parent decides
// when and how they are saved) with live totals. Add, duplicate, delete with
// undo, reorder by drag-and-drop (mouse, touch, or keyboard on the handle:
// Space, arrows, Space) or with Alt+Up/Down from any cell; Enter moves to the
// same cell of the next line and adds a line after the last one.
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent, type Modifier } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Plus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import clsx from "clsx";
import { Button } from "@/components/ui/button";
import { LINE_GRID } from "./cell";
import { applyProduct, draftErrors, duplicateDraft, emptyDraft, type LineDraft, type LineErrors } from "./draft";
import { LineRow } from "./line-row";
import { productSearch } from "./product-search";
import { LineTotals, type DealFigures } from "./line-totals";

export interface LineItemsEditorProps {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  deal: DealFigures;
  onContractMonths?: (months: number | null) => void;
  /** Server errors by line key. */
  serverErrors?: Record<string, LineErrors>;
  /** Show every line's errors (after a save attempt), not only those of cells already left. */
  showAllErrors?: boolean;
  disabled?: boolean;
}

/** Lines move up and down only. */
const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });

const HEADERS: [string, boolean][] = [["Product", false], ["Code", false], ["Qty", true], ["Unit", false], ["Unit price", true], ["Disc.", true], ["Billing", false], ["Total", true]];

export function LineItemsEditor({ lines, onChange, deal, onContractMonths, serverErrors = {}, showAllErrors = false, disabled }: LineItemsEditorProps) {
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const cells = useRef(new Map<string, HTMLElement>());
  const [focusNext, setFocusNext] = useState<{ key: string; field: string } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  useEffect(() => {
    if (!focusNext) return;
    const el = cells.current.get(`${focusNext.key}.${focusNext.field}`);
    if (el) {
      el.focus();
      setFocusNext(null);
    }
  }, [focusNext, lines]);

  const update = (key: string, patch: Partial<LineDraft>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const insertAt = (index: number, line: LineDraft, field = "name") => {
    const next = [...lines];
    next.splice(index, 0, line);
    onChange(next);
    setFocusNext({ key: line.key, field });
  };
  const move = (index: number, by: number) => {
    const to = index + by;
    if (to < 0 || to >= lines.length) return;
    onChange(arrayMove(lines, index, to));
    const field = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.field : undefined;
    setFocusNext({ key: lines[index].key, field: field ?? "name" });
  };
  const remove = (index: number) => {
    const removed = lines[index];
    onChange(lines.filter((_, i) => i !== index));
    toast(`Removed ${removed.name ? `“${removed.name}”` : "a line"}`, {
      description: "Nothing is saved until you save.",
      action: { label: "Undo", onClick: () => restore.current(index, removed) },
    });
  };
  // The undo closure must see the lines as they are when it is clicked, not when the toast opened.
  const latest = useRef({ lines, onChange });
  useEffect(() => {
    latest.current = { lines, onChange };
  });
  const restore = useRef((index: number, line: LineDraft) => {
    const now = latest.current;
    if (now.lines.some((l) => l.key === line.key)) return;
    const next = [...now.lines];
    next.splice(Math.min(index, next.length), 0, line);
    now.onChange(next);
    setFocusNext({ key: line.key, field: "name" });
  });

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    onChange(arrayMove(lines, lines.findIndex((l) => l.key === active.id), lines.findIndex((l) => l.key === over.id)));
  }

  const errorsOf = (line: LineDraft): LineErrors => {
    const client = draftErrors(line);
    const shown: LineErrors = {};
    for (const [field, message] of Object.entries(client) as [keyof LineDraft, string][]) {
      if (showAllErrors || touched.has(`${line.key}.${field}`)) shown[field] = message;
    }
    return { ...shown, ...serverErrors[line.key] };
  };

  return (
    <div className="@container">
      {lines.length ? (
        <div className="rounded-lg border border-border">
          <div className={clsx(LINE_GRID, "hidden rounded-t-lg border-b border-border bg-surface-muted/60 px-2 py-2 text-xs font-medium uppercase tracking-wide text-muted @5xl:grid")} aria-hidden="true">
            <span />
            {HEADERS.map(([label, right]) => <span key={label} className={clsx(right && "text-right", "px-2")}>{label}</span>)}
            <span />
          </div>
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            modifiers={[restrictToVerticalAxis]}
            onDragEnd={onDragEnd}
            accessibility={{ screenReaderInstructions: { draggable: "To pick up a line, press Space. Use the arrow keys to move it and Space again to drop it, or Escape to cancel." } }}
          >
            <SortableContext items={lines.map((l) => l.key)} strategy={verticalListSortingStrategy}>
              <ol aria-label="Line items" className="divide-y divide-border">
                {lines.map((line, i) => (
                  <LineRow
                    key={line.key}
                    draft={line}
                    index={i}
                    count={lines.length}
                    currency={deal.currency}
                    errors={errorsOf(line)}
                    disabled={disabled}
                    // A price typed by hand is no longer the converted catalog price the note explains.
                    onChange={(patch) => update(line.key, "unitPrice" in patch ? { ...patch, note: undefined } : patch)}
                    onPick={(p) => update(line.key, applyProduct(line, p, deal))}
                    onDuplicate={() => insertAt(i + 1, duplicateDraft(line), "quantity")}
                    onDelete={() => remove(i)}
                    onMove={(by) => move(i, by)}
                    onEnter={(field) => (i === lines.length - 1 ? insertAt(lines.length, emptyDraft()) : setFocusNext({ key: lines[i + 1].key, field }))}
                    search={productSearch}
                    onTouched={(field) => setTouched((t) => (t.has(`${line.key}.${field}`) ? t : new Set(t).add(`${line.key}.${field}`)))}
                    registerCell={(field, el) => {
                      if (el) cells.current.set(`${line.key}.${field}`, el);
                      else cells.current.delete(`${line.key}.${field}`);
                    }}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        </div>
      ) : (
        <div className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          No line items yet. Add products from the catalog or free-text lines, and the amount follows them.
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button disabled={disabled} onClick={() => insertAt(lines.length, emptyDraft())}>
          <Plus className="size-4" aria-hidden="true" /> Add line
        </Button>
        {lines.length > 1 ? <p className="hidden text-xs text-muted @3xl:block">Drag a line by its handle, or Alt+↑/↓ from any cell. Enter goes to the next line.</p> : null}
      </div>
      {lines.length ? (
        <div className="mt-5">
          <LineTotals lines={lines} deal={deal} onContractMonths={onContractMonths} disabled={disabled} />
        </div>
      ) : null}
    </div>
  );
}
