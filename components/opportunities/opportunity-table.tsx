"use client";
// The Opportunities table: sortable columns, row selection for bulk actions.
import { useState } from "react";
import Link from "next/link";
import { Lock } from "lucide-react";
import { ActivityIcon } from "@/components/activities/activity-icon";
import { StatusBadge } from "@/components/ui/status-badge";
import { isOverdue } from "@/lib/domain/activities";
import { formatMoney } from "@/lib/domain/money";
import type { OpportunityTablePage } from "@/lib/server/opportunities/list/table";
import type { OpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { BulkBar } from "./bulk-bar";
import type { TableOptions } from "./filter-bar";
import { formatDate } from "./format";
import { Pagination } from "./pagination";
import { SortHeader } from "./sort-header";

/** The next open activity (red when overdue), or a mark on an open deal with nothing planned. */
function NextActivityCell({ row, today }: { row: OpportunityTablePage["rows"][number]; today: string }) {
  const next = row.nextActivity;
  if (!next) return row.status === "OPEN" ? <span className="text-xs font-medium text-amber-700 dark:text-amber-300">None planned</span> : <span className="text-muted">—</span>;
  const overdue = isOverdue(next, { date: today, time: new Date().toISOString().slice(11, 16) });
  return (
    <span className={`flex items-center gap-1.5 ${overdue ? "font-medium text-danger" : ""}`} data-overdue={overdue || undefined}>
      <ActivityIcon icon={next.icon} label={next.type} />
      <span className="truncate">{next.subject}</span>
      <span className="shrink-0 text-xs text-muted">{next.dueDate ? formatDate(next.dueDate) : ""}</span>
    </span>
  );
}

export function OpportunityTable({ data, query, today, options }: { data: OpportunityTablePage; query: OpportunityTableQuery; today: string; options: TableOptions }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const ids = data.rows.map((r) => r.id).filter((id) => selected.has(id));
  const all = data.rows.length > 0 && ids.length === data.rows.length;
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  return (
    <div>
      {ids.length ? <BulkBar ids={ids} options={options} onDone={() => setSelected(new Set())} /> : null}
      <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-sm">
        <table className="w-full min-w-[1140px] border-collapse text-sm" data-testid="opportunity-table">
          <thead className="border-b border-border bg-surface-muted/60">
            <tr>
              <SortHeader
                query={query}
                field="title"
                label="Opportunity"
                prefix={<input type="checkbox" aria-label="Select all on this page" checked={all} onChange={() => setSelected(all ? new Set() : new Set(data.rows.map((r) => r.id)))} className="mr-3 size-4 align-middle" />}
              />
              <SortHeader query={query} field="account" label="Account" />
              <SortHeader query={query} field="stage" label="Stage" />
              <SortHeader query={query} field="amount" label="Amount" align="right" />
              <th scope="col" className="px-4 py-2.5 text-right text-xs font-medium uppercase tracking-wide text-muted">
                Weighted
              </th>
              <SortHeader query={query} field="owner" label="Owner" />
              <SortHeader query={query} field="expectedCloseDate" label="Expected close" />
              <SortHeader query={query} field="nextActivity" label="Next activity" />
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {data.rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-4 py-16 text-center text-muted">
                  {Object.keys(query.filters).length ? "No opportunities match these filters." : "No opportunities yet."}
                </td>
              </tr>
            ) : (
              data.rows.map((row) => {
                const overdue = row.status === "OPEN" && row.expectedCloseDate !== null && row.expectedCloseDate < today;
                return (
                  <tr key={row.id} className={selected.has(row.id) ? "bg-accent-soft/60" : "transition hover:bg-surface-muted/50"} data-testid="opportunity-row">
                    <td className="max-w-[320px] px-4 py-3">
                      <div className="flex items-center gap-1.5 font-medium">
                        {/* The checkbox shares the title cell so column positions stay stable for readers and tests. */}
                        <input type="checkbox" aria-label={`Select ${row.title}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} className="mr-1.5 size-4 shrink-0" />
                        <Link href={`/opportunities/${row.id}`} className="truncate hover:text-accent hover:underline">{row.title}</Link>
                        {row.isPrivate ? <Lock className="size-3.5 shrink-0 text-muted" aria-label="Private" /> : null}
                      </div>
                    </td>
                    <td className="px-4 py-3 text-muted">{row.accountName ?? "—"}</td>
                    <td className="px-4 py-3">
                      <div className="flex items-center gap-2">
                        <span className="size-2 rounded-full" style={{ backgroundColor: row.stageColor }} aria-hidden="true" />
                        <span>{row.stageName}</span>
                        {row.status !== "OPEN" && row.stageName.toUpperCase() !== row.status ? <StatusBadge status={row.status} /> : null}
                      </div>
                    </td>
                    <td className="px-4 py-3 text-right font-medium tabular">{formatMoney(row.amount, row.currency)}</td>
                    <td className="px-4 py-3 text-right text-muted tabular">{formatMoney(row.weightedAmount, row.currency)}</td>
                    <td className="px-4 py-3">{row.ownerName}</td>
                    <td className={overdue ? "px-4 py-3 font-medium text-danger" : "px-4 py-3 text-muted"}>{formatDate(row.expectedCloseDate)}</td>
                    <td className="max-w-[220px] px-4 py-3"><NextActivityCell row={row} today={today} /></td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <Pagination query={query} page={data.page} pageCount={data.pageCount} total={data.total} />
    </div>
  );
}
