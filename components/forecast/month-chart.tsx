"use client";

// By expected close month: stacked won, weighted open and unweighted remainder,
// the target line when monthly quotas exist, and the same figures as a table.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { dayBefore } from "@/lib/domain/forecast";
import { formatMoney } from "@/lib/domain/money";
import type { MonthForecast } from "@/lib/server/forecast/by-month";
import type { ForecastFilters } from "@/lib/validation/forecast";
import { CsvButton } from "./csv-button";
import { opportunitiesHref } from "./links";
import { FigureLink, Section, td, th } from "./section";
import { ViewSwitch, type View } from "./view-switch";

const COLORS = {
  won: "var(--success)",
  weighted: "var(--accent)",
  remainder: "color-mix(in srgb, var(--accent) 28%, transparent)",
  target: "#f59e0b",
};

function links(m: MonthForecast, filters: ForecastFilters, today: string) {
  if (!m.window) return { open: opportunitiesHref(filters, { status: "OPEN", closeTo: dayBefore(today) }), won: null };
  // In the current month, open deals dated before today are in the overdue bucket.
  const openFrom = m.window.start < today ? today : m.window.start;
  return {
    open: opportunitiesHref(filters, { status: "OPEN", closeFrom: openFrom, closeTo: m.window.end }),
    won: opportunitiesHref(filters, { status: "WON", closeFrom: m.window.start, closeTo: m.window.end }),
  };
}

export function MonthChart({ months, currency, filters, today }: { months: MonthForecast[]; currency: string; filters: ForecastFilters; today: string }) {
  const [view, setView] = useState<View>("chart");
  const router = useRouter();
  const hasTarget = months.some((m) => m.target !== null);
  const money = (v: string | null) => (v === null ? "—" : formatMoney(v, currency));
  // Chart geometry needs numbers; every label and tooltip shows the exact decimal strings.
  const data = months.map((m) => ({
    ...m,
    won: Number(m.wonAmount),
    weighted: Number(m.weightedAmount),
    remainder: Number(m.remainderAmount),
    targetValue: m.target === null ? null : Number(m.target),
  }));
  const summary = months
    .filter((m) => m.openCount + m.wonCount > 0)
    .map((m) => `${m.label}: won ${money(m.wonAmount)}, weighted open ${money(m.weightedAmount)}, open ${money(m.openAmount)}`)
    .join("; ");
  const header = ["Month", "Won deals", `Won (${currency})`, "Open deals", `Open (${currency})`, `Weighted open (${currency})`, `Unweighted remainder (${currency})`, `Target (${currency})`];
  const rows = months.map((m) => [m.key === "overdue" ? "Overdue" : m.key, m.wonCount, m.wonAmount, m.openCount, m.openAmount, m.weightedAmount, m.remainderAmount, m.target]);

  return (
    <Section
      id="forecast-months"
      title="By expected close month"
      description={`Next 12 months, plus open deals whose close date has passed. Won deals count in the month they closed.${hasTarget ? " The line is the monthly quota." : ""}`}
      actions={
        <>
          <ViewSwitch view={view} onChange={setView} label="Close month view" />
          <CsvButton filename="forecast-by-month.csv" header={header} rows={rows} />
        </>
      }
    >
      {view === "chart" ? (
        <figure className="px-3 pb-2 pt-4" role="img" aria-label={`Bar chart of value by expected close month. ${summary || "No deals in these months."}`}>
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid vertical={false} stroke="var(--border)" />
              <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 11 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} />
              <YAxis tick={{ fill: "var(--muted)", fontSize: 11 }} tickLine={false} axisLine={false} width={64} tickFormatter={(v: number) => formatMoney(String(v), currency, { compact: true })} />
              <Tooltip
                cursor={{ fill: "var(--surface-muted)" }}
                content={({ active, payload }) => {
                  const m = active ? (payload?.[0]?.payload as MonthForecast | undefined) : undefined;
                  if (!m) return null;
                  return (
                    <div className="rounded-lg border border-border bg-surface px-3 py-2 text-xs shadow-lg">
                      <div className="mb-1 font-semibold">{m.label}</div>
                      <div>Won: {money(m.wonAmount)} ({m.wonCount})</div>
                      <div>Weighted open: {money(m.weightedAmount)}</div>
                      <div>Open, unweighted: {money(m.openAmount)} ({m.openCount})</div>
                      {m.target !== null ? <div>Target: {money(m.target)}</div> : null}
                    </div>
                  );
                }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "var(--text)" }}>{value}</span>} />
              <Bar dataKey="won" name="Won" stackId="v" fill={COLORS.won} cursor="pointer" onClick={(d) => { const l = links(d.payload as MonthForecast, filters, today).won; if (l) router.push(l); }} />
              <Bar dataKey="weighted" name="Weighted open" stackId="v" fill={COLORS.weighted} cursor="pointer" onClick={(d) => router.push(links(d.payload as MonthForecast, filters, today).open)} />
              <Bar dataKey="remainder" name="Unweighted remainder" stackId="v" fill={COLORS.remainder} radius={[3, 3, 0, 0]} cursor="pointer" onClick={(d) => router.push(links(d.payload as MonthForecast, filters, today).open)} />
              {hasTarget ? <Line dataKey="targetValue" name="Target" type="monotone" stroke={COLORS.target} strokeWidth={2} strokeDasharray="5 4" dot={{ r: 3 }} connectNulls /> : null}
            </ComposedChart>
          </ResponsiveContainer>
        </figure>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-border bg-surface-muted/60">
              <tr className="whitespace-nowrap">
                <th scope="col" className={`${th} text-left`}>Month</th>
                <th scope="col" className={`${th} text-right`}>Won</th>
                <th scope="col" className={`${th} text-right`}>Weighted open</th>
                <th scope="col" className={`${th} text-right`}>Remainder</th>
                <th scope="col" className={`${th} text-right`}>Open total</th>
                {hasTarget ? <th scope="col" className={`${th} text-right`}>Target</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {months.map((m) => {
                const l = links(m, filters, today);
                return (
                  <tr key={m.key} data-testid={`month-${m.key}`} className="whitespace-nowrap">
                    <th scope="row" className={`${td} text-left font-medium ${m.key === "overdue" ? "text-danger" : ""}`}>{m.label}</th>
                    <td className={`${td} text-right tabular`}>{l.won ? <FigureLink href={l.won}>{money(m.wonAmount)}</FigureLink> : "—"}</td>
                    <td className={`${td} text-right tabular`}><FigureLink href={l.open}>{money(m.weightedAmount)}</FigureLink></td>
                    <td className={`${td} text-right tabular text-muted`}>{money(m.remainderAmount)}</td>
                    <td className={`${td} text-right tabular`}>
                      <FigureLink href={l.open}>{money(m.openAmount)}</FigureLink> <span className="text-xs text-muted">({m.openCount})</span>
                    </td>
                    {hasTarget ? <td className={`${td} text-right tabular`}>{money(m.target)}</td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
