"use client";
// The board's pipeline picker and filters. Every choice is written to the
// URL, so a filtered board can be bookmarked, shared and reloaded.
import clsx from "clsx";
import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { filledWith } from "@/lib/domain/color";
import type { BoardData } from "@/lib/server/board/board";
import { EMPTY_FILTERS, hasFilters, type BoardFilters } from "@/lib/validation/board";
import { boardHref } from "./board-api";

const control = inputClass(false, true);

export function BoardToolbar({ data, filters }: { data: BoardData; filters: BoardFilters }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(filters.q);
  const go = (pipelineId: string, next: BoardFilters) => startTransition(() => router.replace(boardHref(pipelineId, next), { scroll: false }));
  const set = (patch: Partial<BoardFilters>) => go(data.pipeline.id, { ...filters, ...patch });

  // Search as you type, once typing pauses.
  useEffect(() => {
    if (text.trim() === filters.q) return;
    const timer = setTimeout(() => set({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const toggleLabel = (key: string) =>
    set({ labels: filters.labels.includes(key) ? filters.labels.filter((l) => l !== key) : [...filters.labels, key] });

  return (
    // One row that scrolls sideways on a phone (every control keeps a usable size), wrapping from md up.
    <div className="flex items-center gap-2 overflow-x-auto border-b border-border bg-surface px-3 py-2.5 *:shrink-0 md:flex-wrap md:px-6 md:py-3" aria-busy={pending}>
      <h1 className="mr-1 text-lg font-semibold tracking-tight">Board</h1>
      <label className="sr-only" htmlFor="board-pipeline">Pipeline</label>
      <select id="board-pipeline" value={data.pipeline.id} onChange={(e) => go(e.target.value, filters)} className={clsx(control, "font-semibold")}>
        {data.pipelines.map((p) => (
          <option key={p.id} value={p.id}>{p.name}</option>
        ))}
      </select>
      <span className="mx-1 h-6 w-px bg-border" aria-hidden="true" />
      <label className="sr-only" htmlFor="board-owner">Owner</label>
      <select id="board-owner" value={filters.owner} onChange={(e) => set({ owner: e.target.value })} className={control}>
        <option value="">Everyone</option>
        <option value="me">My deals</option>
        {data.owners.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
      <div className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted" aria-hidden="true" />
        <input
          type="search"
          aria-label="Search deals"
          placeholder="Search deals or accounts"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className={clsx(control, "w-48 pl-8 md:w-56")}
        />
      </div>
      <div className="flex items-center gap-1.5 text-sm text-muted">
        <span>Closing</span>
        <input type="date" aria-label="Expected close from" value={filters.closeFrom ?? ""} onChange={(e) => set({ closeFrom: e.target.value || null })} className={control} />
        <span>to</span>
        <input type="date" aria-label="Expected close to" value={filters.closeTo ?? ""} onChange={(e) => set({ closeTo: e.target.value || null })} className={control} />
      </div>
      <label className="sr-only" htmlFor="board-activity">Activity</label>
      <select id="board-activity" value={filters.activity ?? ""} onChange={(e) => set({ activity: (e.target.value || null) as BoardFilters["activity"] })} className={control}>
        <option value="">Any activity</option>
        <option value="none">No next activity</option>
        <option value="overdue">Overdue activity</option>
      </select>
      <div className="flex items-center gap-1" role="group" aria-label="Labels">
        {data.labels.map((label) => {
          const on = filters.labels.includes(label.key);
          return (
            <button
              key={label.key}
              type="button"
              aria-pressed={on}
              onClick={() => toggleLabel(label.key)}
              className={clsx("inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium transition", on ? "" : "border-border text-muted hover:text-text")}
              style={on ? filledWith(label.color) : undefined}
            >
              {on ? null : <span className="size-2 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />}
              {label.name}
            </button>
          );
        })}
      </div>
      {hasFilters(filters) ? (
        <Button
          variant="ghost"
          onClick={() => {
            setText("");
            go(data.pipeline.id, EMPTY_FILTERS);
          }}
        >
          <X className="size-3.5" aria-hidden="true" /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
