"use client";
// The table's filters live in the URL (shareable, back-button friendly);
// changing one goes back to page 1. Text search waits for a pause in typing.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Download, Search, X } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { OpportunityFormOptions } from "@/lib/server/opportunities/form/options";
import type { OpportunityFilters, OpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { exportHref, tableHref } from "./table-url";

export type TableOptions = Pick<OpportunityFormOptions, "pipelines" | "users" | "labels" | "lostReasons" | "customFields">;

const select = inputClass(false, true);

export function FilterBar({ query, options }: { query: OpportunityTableQuery; options: TableOptions }) {
  const router = useRouter();
  const f = query.filters;
  const [text, setText] = useState(f.q ?? "");
  const go = (change: Partial<OpportunityFilters>) => {
    const filters = { ...f, ...change };
    for (const k of Object.keys(filters) as (keyof OpportunityFilters)[]) if (!filters[k]) delete filters[k];
    router.push(tableHref(query, { filters, page: 1 }));
  };
  useEffect(() => {
    if (text === (f.q ?? "")) return;
    const timer = setTimeout(() => go({ q: text.trim() || undefined }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing triggers a search
  }, [text]);
  const pipeline = options.pipelines.find((p) => p.id === f.pipelineId);
  const stages = pipeline ? pipeline.stages : options.pipelines.flatMap((p) => p.stages.map((s) => ({ ...s, name: options.pipelines.length > 1 ? `${p.name}: ${s.name}` : s.name })));
  const active = Object.keys(f).length > 0;

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" role="search" aria-label="Filter opportunities">
      <div className="relative min-w-[220px] flex-1">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-3.5 -translate-y-1/2 text-muted" aria-hidden="true" />
        <input type="search" aria-label="Search" placeholder="Search title or account" value={text} onChange={(e) => setText(e.target.value)} className={`${inputClass()} pl-8`} />
      </div>
      <select aria-label="Pipeline" className={select} value={f.pipelineId ?? ""} onChange={(e) => go({ pipelineId: e.target.value || undefined, stageId: undefined })}>
        <option value="">All pipelines</option>
        {options.pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <select aria-label="Stage" className={select} value={f.stageId ?? ""} onChange={(e) => go({ stageId: e.target.value || undefined })}>
        <option value="">All stages</option>
        {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      <select aria-label="Status" className={select} value={f.status ?? ""} onChange={(e) => go({ status: (e.target.value || undefined) as OpportunityFilters["status"] })}>
        <option value="">Any status</option>
        <option value="OPEN">Open</option>
        <option value="WON">Won</option>
        <option value="LOST">Lost</option>
      </select>
      <select aria-label="Owner" className={select} value={f.ownerId ?? ""} onChange={(e) => go({ ownerId: e.target.value || undefined })}>
        <option value="">Any owner</option>
        {options.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <select aria-label="Activity" className={select} value={f.activity ?? ""} onChange={(e) => go({ activity: (e.target.value || undefined) as OpportunityFilters["activity"] })}>
        <option value="">Any activity</option>
        <option value="none">No next activity</option>
        <option value="overdue">Overdue activity</option>
      </select>
      <select aria-label="Label" className={select} value={f.label ?? ""} onChange={(e) => go({ label: e.target.value || undefined })}>
        <option value="">Any label</option>
        {options.labels.map((l) => <option key={l.key} value={l.key}>{l.name}</option>)}
      </select>
      <CustomFieldFilter fields={options.customFields} value={f.field} onChange={(field) => go({ field })} />
      <label className="flex min-w-0 max-w-full items-center gap-1.5 text-xs text-muted">
        Close
        <input type="date" aria-label="Close from" className={`${select} min-w-0 flex-1 text-text`} value={f.closeFrom ?? ""} onChange={(e) => go({ closeFrom: e.target.value || undefined })} />
        –
        <input type="date" aria-label="Close to" className={`${select} min-w-0 flex-1 text-text`} value={f.closeTo ?? ""} onChange={(e) => go({ closeTo: e.target.value || undefined })} />
      </label>
      {active ? (
        <Button variant="ghost" onClick={() => { setText(""); router.push(tableHref(query, { filters: {}, page: 1 })); }}>
          <X className="size-3.5" aria-hidden="true" /> Clear
        </Button>
      ) : null}
      <a href={exportHref(query)} className={`${buttonClass("secondary")} ml-auto`} download>
        <Download className="size-4" aria-hidden="true" /> Export CSV
      </a>
    </div>
  );
}

/** Filters on one custom field with a fixed set of values (select and checkbox fields). */
function CustomFieldFilter({ fields, value, onChange }: { fields: TableOptions["customFields"]; value?: string; onChange: (field?: string) => void }) {
  const choosable = fields.filter((d) => d.type === "SELECT" || d.type === "CHECKBOX");
  if (choosable.length === 0) return null;
  return (
    <select aria-label="Custom field" className={select} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">Any custom field</option>
      {choosable.map((d) => (
        <optgroup key={d.key} label={d.label}>
          {(d.type === "CHECKBOX" ? ["true", "false"] : d.options).map((o) => (
            <option key={o} value={`${d.key}:${o}`}>
              {d.label}: {d.type === "CHECKBOX" ? (o === "true" ? "Yes" : "No") : o}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
