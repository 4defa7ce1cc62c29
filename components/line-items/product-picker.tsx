"use client";
// The line's name cell: type a name for a free-text line, or pick from the
// catalog as you type (arrows, Enter, Escape; debounced, cached search).
import { useId, useState } from "react";
import { Package } from "lucide-react";
import clsx from "clsx";
import { formatMoney } from "@/lib/domain/money";
import type { ProductOption } from "@/lib/server/products/read";
import { useSearch, type SearchSource } from "@/components/forms/use-search";
import { cellInput } from "./cell";

export function ProductPicker({
  value,
  linked,
  onText,
  onPick,
  search,
  invalid,
  describedBy,
  disabled,
  inputRef,
  label,
}: {
  label: string;
  value: string;
  linked: boolean;
  onText: (text: string) => void;
  onPick: (product: ProductOption) => void;
  search: SearchSource<ProductOption>;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  inputRef?: (el: HTMLInputElement | null) => void;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQueryText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const { options } = useSearch(search, query ?? "", open && query !== null, 120);
  const setQuery = (text: string | null) => {
    setQueryText(text);
    setActive(0);
  };

  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const pick = (p: ProductOption) => {
    onPick(p);
    close();
  };
  const showList = open && query !== null && options.length > 0;

  return (
    <div className="relative">
      <div className="relative">
        {linked ? <Package className="pointer-events-none absolute left-2 top-1/2 size-3.5 -translate-y-1/2 text-accent" aria-label="From the catalog" /> : null}
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          data-field="name"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${listId}-${active}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-label={label}
          placeholder="Search products or type a name"
          autoComplete="off"
          disabled={disabled}
          value={value}
          className={clsx(cellInput(invalid), linked && "pl-7", "font-medium")}
          onChange={(e) => {
            onText(e.target.value);
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => {
            if (!value) {
              setQuery("");
              setOpen(true);
            }
          }}
          onBlur={() => setTimeout(close, 120)}
          onKeyDown={(e) => {
            if (!showList) {
              if (e.key === "ArrowDown" && !e.altKey) {
                setQuery(value);
                setOpen(true);
                e.preventDefault();
              }
              return;
            }
            if (e.key === "ArrowDown" && !e.altKey) {
              e.preventDefault();
              setActive((a) => Math.min(options.length - 1, a + 1));
            } else if (e.key === "ArrowUp" && !e.altKey) {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === "Enter") {
              e.preventDefault();
              e.stopPropagation();
              pick(options[active]);
            } else if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        />
      </div>
      {showList ? (
        <ul id={listId} role="listbox" aria-label="Products" className="absolute left-0 z-30 mt-1 max-h-72 w-[min(28rem,90vw)] overflow-auto rounded-lg border border-border bg-surface py-1 shadow-xl">
          {options.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={clsx("flex cursor-pointer items-baseline gap-3 px-3 py-2 text-sm", i === active ? "bg-accent-soft" : "hover:bg-surface-muted")}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{p.name}</span>
                <span className="block truncate text-xs text-muted">
                  {p.code}
                  {p.group ? ` · ${p.group}` : ""}
                </span>
              </span>
              <span className="shrink-0 text-right text-xs tabular text-muted">
                {formatMoney(p.unitPrice, p.currency)}
                <span className="block">/ {p.unit}{p.billing === "MONTHLY" ? " / mo" : ""}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
