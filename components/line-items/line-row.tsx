"use client";
// One line of the editor: drag handle, product or free text, code, quantity,
// unit, unit price, discount, billing, the live total and the row actions.
// Every cell shows its own error right under it.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Copy, GripVertical, Trash2 } from "lucide-react";
import clsx from "clsx";
import type { SearchSource } from "@/components/forms/use-search";
import { IconButton } from "@/components/ui/button";
import { formatMoney } from "@/lib/domain/money";
import { lineTotal } from "@/lib/domain/line-items";
import type { ProductOption } from "@/lib/server/products/read";
import { CELL, cellInput, LINE_GRID } from "./cell";
import { validLine, type LineDraft, type LineErrors } from "./draft";
import { ProductPicker } from "./product-picker";

export interface LineRowProps {
  draft: LineDraft;
  index: number;
  count: number;
  currency: string;
  errors: LineErrors;
  disabled?: boolean;
  onChange: (patch: Partial<LineDraft>) => void;
  onPick: (product: ProductOption) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onMove: (by: number) => void;
  onEnter: (field: string) => void;
  search: SearchSource<ProductOption>;
  registerCell: (field: string, el: HTMLElement | null) => void;
  onTouched: (field: string) => void;
}

function CellError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} role="alert" className="mt-1 text-xs font-medium text-danger">{message}</p> : null;
}

/** The label shows in the stacked layouts (not on the two-row layout's top row); in the one-row layout the header names the column. */
function CellLabel({ htmlFor, topRow, children }: { htmlFor: string; topRow?: boolean; children: React.ReactNode }) {
  return <label htmlFor={htmlFor} className={clsx("mb-1 block text-[11px] font-medium uppercase tracking-wide text-muted @5xl:sr-only", topRow && "@3xl:sr-only")}>{children}</label>;
}

export function LineRow({ draft, index, count, currency, errors, disabled, onChange, onPick, onDuplicate, onDelete, onMove, onEnter, search, registerCell, onTouched }: LineRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: draft.key, disabled });
  const id = (field: string) => `${draft.key}-${field}`;
  const valid = validLine(draft);
  const total = valid ? formatMoney(lineTotal(valid).toFixed(2), currency) : "—";
  const keys = (field: string) => (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      onMove(e.key === "ArrowUp" ? -1 : 1);
    } else if (e.key === "Enter" && !e.defaultPrevented && (e.target as HTMLElement).tagName === "INPUT") {
      e.preventDefault();
      onEnter(field);
    }
  };
  const number = (field: "quantity" | "unitPrice" | "discountPercent", label: string, extra?: React.ReactNode) => (
    <div className={CELL.field}>
      <CellLabel htmlFor={id(field)}>{label}</CellLabel>
      <div className="relative">
        <input
          id={id(field)}
          data-field={field}
          ref={(el) => registerCell(field, el)}
          inputMode="decimal"
          autoComplete="off"
          aria-label={`${label}, line ${index + 1}`}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={errors[field] ? `${id(field)}-error` : undefined}
          disabled={disabled}
          value={draft[field]}
          onChange={(e) => onChange({ [field]: e.target.value })}
          onKeyDown={keys(field)}
          className={clsx(cellInput(!!errors[field], true), extra ? "pr-6" : "")}
        />
        {extra}
      </div>
      <CellError id={`${id(field)}-error`} message={errors[field]} />
    </div>
  );

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="line-row"
      onBlur={(e) => {
        const field = (e.target as HTMLElement).dataset.field;
        if (field) onTouched(field);
      }}
      aria-label={`Line ${index + 1}: ${draft.name || "new line"}`}
      className={clsx(LINE_GRID, "relative border-b border-border bg-surface px-3 py-3 last:border-b-0 @5xl:px-2 @5xl:py-2", isDragging && "z-20 rounded-lg shadow-lg ring-1 ring-border")}
    >
      <div className={clsx(CELL.handle, "flex items-start pt-1")}>
        <button
          ref={setActivatorNodeRef}
          type="button"
          disabled={disabled}
          aria-label={`Reorder line ${index + 1}`}
          className="cursor-grab rounded p-1 text-muted hover:bg-surface-muted hover:text-text focus-visible:outline-2 focus-visible:outline-accent active:cursor-grabbing disabled:cursor-default"
          {...attributes}
          {...listeners}
        >
          <GripVertical className="size-4" aria-hidden="true" />
        </button>
      </div>
      <div className={CELL.name} onKeyDown={keys("name")}>
        <ProductPicker
          label={`Product, line ${index + 1}`}
          value={draft.name}
          linked={!!draft.productId}
          onText={(name) => onChange({ name })}
          onPick={onPick}
          search={search}
          invalid={!!errors.name}
          describedBy={errors.name ? `${id("name")}-error` : undefined}
          disabled={disabled}
          inputRef={(el) => registerCell("name", el)}
        />
        <CellError id={`${id("name")}-error`} message={errors.name ?? errors.productId} />
        <input
          data-field="description"
          aria-label={`Description, line ${index + 1}`}
          placeholder="Add a description"
          disabled={disabled}
          value={draft.description}
          onChange={(e) => onChange({ description: e.target.value })}
          onKeyDown={keys("description")}
          className="mt-1 block w-full rounded-md border border-transparent bg-transparent px-2 py-0.5 text-xs text-muted outline-none placeholder:text-muted/50 hover:border-border focus:border-accent focus:text-text"
        />
        <CellError id={`${id("description")}-error`} message={errors.description} />
        {draft.note ? <p className="mt-1 px-2 text-xs text-amber-700 dark:text-amber-300" data-testid="line-note">{draft.note}</p> : null}
      </div>
      <div className={CELL.code}>
        <CellLabel htmlFor={id("code")}>Code</CellLabel>
        <input id={id("code")} data-field="code" aria-label={`Code, line ${index + 1}`} disabled={disabled} value={draft.code} onChange={(e) => onChange({ code: e.target.value })} onKeyDown={keys("code")} className={cellInput(!!errors.code)} />
        <CellError id={`${id("code")}-error`} message={errors.code} />
      </div>
      {number("quantity", "Quantity")}
      <div className={CELL.field}>
        <CellLabel htmlFor={id("unit")}>Unit</CellLabel>
        <input id={id("unit")} data-field="unit" aria-label={`Unit, line ${index + 1}`} placeholder="unit" disabled={disabled} value={draft.unit} onChange={(e) => onChange({ unit: e.target.value })} onKeyDown={keys("unit")} className={cellInput(!!errors.unit)} />
        <CellError id={`${id("unit")}-error`} message={errors.unit} />
      </div>
      {number("unitPrice", "Unit price")}
      {number("discountPercent", "Discount %", <span className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 text-xs text-muted">%</span>)}
      <div className={CELL.billing}>
        <CellLabel htmlFor={id("billing")} topRow>Billing</CellLabel>
        <select
          id={id("billing")}
          aria-label={`Billing, line ${index + 1}`}
          disabled={disabled}
          value={draft.billing}
          onChange={(e) => onChange({ billing: e.target.value as LineDraft["billing"] })}
          onKeyDown={keys("billing")}
          className={cellInput(!!errors.billing)}
        >
          <option value="ONE_TIME">One-time</option>
          <option value="MONTHLY">Monthly</option>
        </select>
      </div>
      <div className={clsx(CELL.total, "text-right")}>
        <span className="mb-1 block text-[11px] font-medium uppercase tracking-wide text-muted @3xl:sr-only">Total</span>
        <output data-testid="line-total" aria-label={`Total, line ${index + 1}`} className="block py-1.5 text-sm font-semibold tabular">
          {total}
          {draft.billing === "MONTHLY" && valid ? <span className="ml-0.5 text-xs font-normal text-muted">/mo</span> : null}
        </output>
      </div>
      <div className={clsx(CELL.actions, "flex items-end justify-end gap-0.5 @3xl:items-start @3xl:pt-0.5")}>
        <IconButton label={`Duplicate line ${index + 1}`} disabled={disabled} onClick={onDuplicate} className="size-7">
          <Copy className="size-4" aria-hidden="true" />
        </IconButton>
        <IconButton label={`Delete line ${index + 1}`} disabled={disabled} onClick={onDelete} className="size-7 hover:bg-rose-50 hover:text-danger dark:hover:bg-rose-950">
          <Trash2 className="size-4" aria-hidden="true" />
        </IconButton>
        <span className="sr-only">{`Line ${index + 1} of ${count}`}</span>
      </div>
    </li>
  );
}
