"use client";

// One row per seller, one column per period of the year; a cell saves when it
// loses focus (empty deletes the quota).
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import clsx from "clsx";
import { formatMoney } from "@/lib/domain/money";
import { dec, sumDecimals } from "@/lib/domain/decimal";
import type { QuotaDto } from "@/lib/server/quotas/manage";
import type { UserSettingsDto } from "@/lib/server/users/manage";
import { deleteQuotaAction, upsertQuotaAction } from "@/lib/actions/quotas";
import { Card } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";

type Period = QuotaDto["period"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function columns(period: Period, year: number): { start: string; label: string }[] {
  const pad = (m: number) => `${year}-${String(m + 1).padStart(2, "0")}-01`;
  if (period === "YEAR") return [{ start: pad(0), label: String(year) }];
  if (period === "QUARTER") return [0, 3, 6, 9].map((m, i) => ({ start: pad(m), label: `Q${i + 1}` }));
  return MONTHS.map((label, m) => ({ start: pad(m), label }));
}

export function QuotaGrid({ query, quotas, users, baseCurrency }: { query: { period: Period; year: number }; quotas: QuotaDto[]; users: UserSettingsDto[]; baseCurrency: string }) {
  const remove = useAction(deleteQuotaAction, { success: "Quota removed" });
  const upsert = useAction(upsertQuotaAction, { success: "Quota saved" });
  const cols = columns(query.period, query.year);
  const find = (userId: string, start: string) => quotas.find((q) => q.userId === userId && q.periodStart === start);
  const href = (p: Period, y: number) => `/settings/quotas?period=${p}&year=${y}`;

  async function save(userId: string, start: string, raw: string) {
    const existing = find(userId, start);
    const value = raw.trim().replace(/,/g, "");
    if (!value) {
      if (existing) await remove.run({ id: existing.id });
      return;
    }
    if (existing && /^\d+(\.\d+)?$/.test(value) && dec(existing.amount).equals(dec(value))) return;
    await upsert.run({ userId, period: query.period, periodStart: start, amount: value });
  }

  return (
    <Card
      title={`${query.period === "MONTH" ? "Monthly" : query.period === "QUARTER" ? "Quarterly" : "Yearly"} quotas ${query.year}`}
      actions={
        <div className="flex items-center gap-2">
          <div className="flex rounded-lg border border-border p-0.5 text-sm" role="group" aria-label="Period">
            {(["MONTH", "QUARTER", "YEAR"] as const).map((p) => (
              <Link key={p} href={href(p, query.year)} aria-current={p === query.period ? "true" : undefined} className={clsx("rounded-md px-2.5 py-1", p === query.period ? "bg-accent text-on-accent" : "text-muted hover:text-text")}>
                {p === "MONTH" ? "Months" : p === "QUARTER" ? "Quarters" : "Year"}
              </Link>
            ))}
          </div>
          <Link href={href(query.period, query.year - 1)} aria-label="Previous year" className="rounded-md p-1.5 text-muted hover:bg-surface-muted"><ChevronLeft className="size-4" /></Link>
          <span className="text-sm font-medium tabular">{query.year}</span>
          <Link href={href(query.period, query.year + 1)} aria-label="Next year" className="rounded-md p-1.5 text-muted hover:bg-surface-muted"><ChevronRight className="size-4" /></Link>
        </div>
      }
    >
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm" data-testid="quota-grid">
          <thead className="border-b border-border bg-surface-muted/60 text-xs font-medium uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-5 py-2.5 text-left">Seller</th>
              {cols.map((c) => <th key={c.start} scope="col" className="px-2 py-2.5 text-right">{c.label}</th>)}
              <th scope="col" className="px-5 py-2.5 text-right">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {users.map((u) => {
              const total = sumDecimals(cols.map((c) => find(u.id, c.start)?.amount ?? "0"));
              return (
                <tr key={u.id} aria-label={u.name}>
                  <th scope="row" className="whitespace-nowrap px-5 py-2 text-left font-medium">{u.name}</th>
                  {cols.map((c) => {
                    const q = find(u.id, c.start);
                    return (
                      <td key={`${c.start}-${q?.amount ?? ""}`} className="px-2 py-2">
                        <input
                          aria-label={`Quota of ${u.name} for ${c.label} ${query.year}`}
                          inputMode="decimal"
                          defaultValue={q?.amount ?? ""}
                          placeholder="—"
                          onBlur={(e) => save(u.id, c.start, e.target.value)}
                          onKeyDown={(e) => { if (e.key === "Enter") e.currentTarget.blur(); }}
                          className="w-full min-w-20 rounded-md border border-transparent bg-transparent px-2 py-1 text-right tabular hover:border-border focus:border-accent focus:bg-surface focus:outline-none"
                        />
                      </td>
                    );
                  })}
                  <td className="px-5 py-2 text-right font-medium tabular">{formatMoney(total.toFixed(2), baseCurrency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
