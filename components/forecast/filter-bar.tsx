"use client";

// The forecast's filters live in the URL: changing one navigates, so a view
// can be bookmarked and shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FORECAST_PERIODS, periodName } from "@/lib/domain/forecast";
import type { ForecastFilters } from "@/lib/validation/forecast";
import type { ForecastFilterOptions } from "@/lib/server/forecast/options";

const selectClass = inputClass(false, true);

/** A filter's small label above its control. */
function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

export function FilterBar({ filters, options, window }: { filters: ForecastFilters; options: ForecastFilterOptions; window: { start: string; end: string } }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [from, setFrom] = useState(filters.from ?? window.start);
  const [to, setTo] = useState(filters.to ?? window.end);

  function apply(change: Record<string, string | undefined>) {
    const params = new URLSearchParams(search.toString());
    for (const [k, v] of Object.entries(change)) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    if (params.get("period") !== "custom") {
      params.delete("from");
      params.delete("to");
    }
    startTransition(() => router.push(`${pathname}?${params.toString()}`));
  }

  return (
    <form
      aria-label="Forecast filters"
      aria-busy={pending}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ period: "custom", from, to });
      }}
    >
      <FilterField id="forecast-pipeline" label="Pipeline">
        <select id="forecast-pipeline" className={selectClass} value={filters.pipelineId ?? ""} onChange={(e) => apply({ pipelineId: e.target.value })}>
          <option value="">All pipelines</option>
          {options.pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="forecast-owner" label="Owner">
        <select id="forecast-owner" className={selectClass} value={filters.ownerId ?? ""} onChange={(e) => apply({ ownerId: e.target.value })}>
          <option value="">Everyone</option>
          {options.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="forecast-period" label="Period">
        <select
          id="forecast-period"
          className={selectClass}
          value={filters.period}
          onChange={(e) => (e.target.value === "custom" ? apply({ period: "custom", from, to }) : apply({ period: e.target.value }))}
        >
          {FORECAST_PERIODS.map((p) => (
            <option key={p} value={p}>
              {periodName(p)}
            </option>
          ))}
        </select>
      </FilterField>
      {filters.period === "custom" ? (
        <>
          <FilterField id="forecast-from" label="From">
            <input id="forecast-from" type="date" className={selectClass} value={from} onChange={(e) => setFrom(e.target.value)} required />
          </FilterField>
          <FilterField id="forecast-to" label="To">
            <input id="forecast-to" type="date" className={selectClass} value={to} onChange={(e) => setTo(e.target.value)} required />
          </FilterField>
          <Button type="submit" variant="primary">
            Apply
          </Button>
        </>
      ) : null}
    </form>
  );
}
