"use client";
// Search-as-you-type picker: debounced, cached lookups (useSearch),
// keyboard navigation (arrows, Enter, Escape), and an optional "Create …"
// entry so a missing record can be added without leaving the form.
import { useId, useState } from "react";
import { Loader2, Plus, Search, X } from "lucide-react";
import clsx from "clsx";
import { inputClass } from "@/components/ui/field";
import { useSearch, type SearchSource } from "./use-search";

export interface SearchOption {
  id: string;
  label: string;
  detail?: string | null;
}

export function SearchSelect({
  id,
  value,
  onChange,
  source,
  onCreate,
  placeholder,
  invalid,
  describedBy,
  clearLabel = "Clear",
}: {
  id: string;
  value: SearchOption | null;
  onChange: (option: SearchOption | null) => void;
  source: SearchSource<SearchOption>;
  onCreate?: (text: string) => Promise<SearchOption | null>;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  clearLabel?: string;
}) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { options, loading } = useSearch(source, text, open);

  const canCreate = !!onCreate && text.trim().length > 0 && !options.some((o) => o.label.toLowerCase() === text.trim().toLowerCase());
  const count = options.length + (canCreate ? 1 : 0);

  async function choose(index: number) {
    if (index < options.length) onChange(options[index]);
    else if (canCreate) {
      const created = await onCreate!(text.trim());
      if (!created) return;
      onChange(created);
    }
    setText("");
    setOpen(false);
  }

  if (value && !open) {
    return (
      <div className={clsx(inputClass(invalid), "flex items-center justify-between gap-2")}>
        <button type="button" id={id} className="min-w-0 flex-1 truncate text-left" onClick={() => setOpen(true)} aria-describedby={describedBy}>
          {value.label}
          {value.detail ? <span className="ml-2 text-xs text-muted">{value.detail}</span> : null}
        </button>
        <button type="button" onClick={() => onChange(null)} aria-label={clearLabel} className="rounded p-0.5 text-muted hover:bg-surface-muted hover:text-text">
          <X className="size-3.5" />
        </button>
      </div>
    );
  }

  return (
    <div className="relative">
      <Search className="pointer-events-none absolute left-3 top-1/2 size-3.5 -translate-y-1/2 text-muted" aria-hidden="true" />
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        autoFocus={!!value}
        value={text}
        placeholder={placeholder}
        className={clsx(inputClass(invalid), "pl-8")}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(count - 1, a + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === "Enter") {
            e.preventDefault();
            if (count) void choose(active);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open ? (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg border border-border bg-surface py-1 text-sm shadow-lg">
          {loading && options.length === 0 ? (
            <li className="flex items-center gap-2 px-3 py-2 text-muted">
              <Loader2 className="size-3.5 animate-spin" /> Searching…
            </li>
          ) : null}
          {!loading && count === 0 ? <li className="px-3 py-2 text-muted">No matches</li> : null}
          {options.map((o, i) => (
            <li
              key={o.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void choose(i)}
              className={clsx("cursor-pointer px-3 py-2", i === active ? "bg-accent-soft text-accent" : "hover:bg-surface-muted")}
            >
              {o.label}
              {o.detail ? <span className="ml-2 text-xs text-muted">{o.detail}</span> : null}
            </li>
          ))}
          {canCreate ? (
            <li
              role="option"
              aria-selected={active === options.length}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void choose(options.length)}
              className={clsx("flex cursor-pointer items-center gap-1.5 border-t border-border px-3 py-2 font-medium", active === options.length ? "bg-accent-soft text-accent" : "hover:bg-surface-muted")}
            >
              <Plus className="size-3.5" /> Create “{text.trim()}”
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
