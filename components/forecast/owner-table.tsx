"use client";

// The headline figures per owner, sortable by any column, with quota and
// attainment when quotas are set for the period.
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import clsx from "clsx";
import { useMemo, useState } from "react";
import { dec } from "@/lib/domain/decimal";
import { formatRatio, type DateWindow } from "@/lib/domain/forecast";
import { formatMoney } from "@/lib/domain/money";
import type { OwnerForecast } from "@/lib/server/forecast/by-owner";
import type { ForecastFilters } from "@/lib/validation/forecast";
import { CsvButton } from "./csv-button";
import { inWindow, opportunitiesHref } from "./links";
import { FigureLink, Section } from "./section";

// Twelve columns: tighter cells than the other tables so they fit a laptop screen.
const td = "px-2.5 py-2.5";
const th = "px-2.5 py-2.5 text-[11px] font-medium uppercase tracking-wide text-muted";

type Key = "ownerName" | "openAmount" | "weightedAmount" | "wonAmount" | "lostAmount" | "winRateByCount" | "winRateByValue" | "averageDealSize" | "averageCycleDays" | "mrrWon" | "quota" | "attainment";
type Status = "OPEN" | "WON" | "LOST";

interface Column {
  key: Key;
  label: string;
  /** A fuller header for the CSV file, where width does not matter. */
  csv?: string;
  kind: "money" | "ratio" | "days" | "text";
  status?: Status;
  count?: (o: OwnerForecast) => number;
  quota?: boolean;
}

const COLUMNS: Column[] = [
  { key: "ownerName", label: "Owner", kind: "text" },
  { key: "openAmount", label: "Open", csv: "Open pipeline", kind: "money", status: "OPEN", count: (o) => o.openCount },
  { key: "weightedAmount", label: "Weighted", kind: "money", status: "OPEN" },
  { key: "wonAmount", label: "Won", kind: "money", status: "WON", count: (o) => o.wonCount },
  { key: "lostAmount", label: "Lost", kind: "money", status: "LOST", count: (o) => o.lostCount },
  { key: "winRateByCount", label: "Win %", csv: "Win rate by count", kind: "ratio", status: "WON" },
  { key: "winRateByValue", label: "Win % value", csv: "Win rate by value", kind: "ratio", status: "WON" },
  { key: "averageDealSize", label: "Avg. deal", kind: "money", status: "WON" },
  { key: "averageCycleDays", label: "Avg. cycle", kind: "days", status: "WON" },
  { key: "mrrWon", label: "MRR won", kind: "money", status: "WON" },
  { key: "quota", label: "Quota", kind: "money", quota: true },
  { key: "attainment", label: "Attained", csv: "Quota attainment", kind: "ratio", quota: true },
];

function compare(a: OwnerForecast, b: OwnerForecast, key: Key, dir: "asc" | "desc"): number {
  const x = a[key];
  const y = b[key];
  // Empty values sort last whichever the direction; decimals compare exactly.
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = key === "ownerName" ? String(x).localeCompare(String(y)) : dec(x).comparedTo(dec(y));
  return dir === "asc" ? order : -order;
}

export function OwnerTable({ owners, currency, filters, window: w }: { owners: OwnerForecast[]; currency: string; filters: ForecastFilters; window: DateWindow }) {
  const [sort, setSort] = useState<{ key: Key; dir: "asc" | "desc" }>({ key: "wonAmount", dir: "desc" });
  const hasQuota = owners.some((o) => o.quota !== null);
  const columns = COLUMNS.filter((c) => !c.quota || hasQuota);
  const rows = useMemo(() => [...owners].sort((a, b) => compare(a, b, sort.key, sort.dir) || a.ownerName.localeCompare(b.ownerName)), [owners, sort]);

  const show = (o: OwnerForecast, c: Column): string => {
    const v = o[c.key];
    if (c.kind === "text") return String(v);
    if (v === null) return "—";
    if (c.kind === "money") return formatMoney(String(v), currency);
    if (c.kind === "ratio") return formatRatio(String(v));
    return `${v} d`;
  };
  const header = columns.flatMap((c) => {
    const name = c.csv ?? c.label;
    if (c.count) return [`${name} deals`, `${name} (${currency})`];
    return [c.kind === "money" ? `${name} (${currency})` : c.kind === "days" ? `${name} (days)` : name];
  });
  const csvRows = rows.map((o) => columns.flatMap((c) => (c.count ? [c.count(o), o[c.key]] : [o[c.key]])));

  return (
    <Section
      id="forecast-owners"
      title="By owner"
      description={hasQuota ? "Quota is the owner's quota for the period (or the sum of the monthly quotas inside it)." : "No quotas are set for this period."}
      actions={<CsvButton filename="forecast-by-owner.csv" header={header} rows={csvRows} />}
    >
      <div className="relative overflow-x-auto">
        <table className="w-full text-[13px]">
          <thead className="border-b border-border bg-surface-muted/60">
            <tr>
              {columns.map((c) => {
                const active = sort.key === c.key;
                const Icon = !active ? ArrowUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
                return (
                  <th key={c.key} scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={clsx(th, c.kind === "text" ? "text-left" : "text-right")}>
                    <button
                      type="button"
                      onClick={() => setSort(active ? { key: c.key, dir: sort.dir === "asc" ? "desc" : "asc" } : { key: c.key, dir: c.kind === "text" ? "asc" : "desc" })}
                      className={clsx("inline-flex items-center gap-1 uppercase hover:text-text", active && "text-text")}
                    >
                      {c.label}
                      <Icon className={clsx("size-3.5", !active && "opacity-40")} aria-hidden="true" />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-10 text-center text-muted">
                  No deals close in this period.
                </td>
              </tr>
            ) : (
              rows.map((o) => (
                <tr key={o.ownerId} data-testid="owner-row">
                  {columns.map((c) =>
                    c.kind === "text" ? (
                      <th key={c.key} scope="row" className={`${td} whitespace-nowrap text-left font-medium`}>
                        {o.ownerName}
                      </th>
                    ) : (
                      <td key={c.key} className={`${td} whitespace-nowrap text-right tabular`}>
                        {c.status && o[c.key] !== null ? (
                          <FigureLink href={opportunitiesHref(filters, { status: c.status, ownerId: o.ownerId, ...inWindow(w) })}>{show(o, c)}</FigureLink>
                        ) : (
                          show(o, c)
                        )}
                        {c.count ? <div className="text-[11px] text-muted">{c.count(o)} deals</div> : null}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
