"use client";

// Chart or table: every chart has a table view with the same figures.
import clsx from "clsx";
import { BarChart3, Table2 } from "lucide-react";

export type View = "chart" | "table";

export function ViewSwitch({ view, onChange, label }: { view: View; onChange: (v: View) => void; label: string }) {
  const option = (v: View, Icon: typeof Table2, text: string) => (
    <button
      type="button"
      aria-pressed={view === v}
      onClick={() => onChange(v)}
      className={clsx("inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium transition", view === v ? "bg-surface text-text shadow-sm" : "text-muted hover:text-text")}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      {text}
    </button>
  );
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-border bg-surface-muted p-0.5">
      {option("chart", BarChart3, "Chart")}
      {option("table", Table2, "Table")}
    </div>
  );
}
