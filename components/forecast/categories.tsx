// The forecast call: Closed, Commit, Best case and Pipeline for the period,
// each with the running total a manager commits to.
import { formatMoney } from "@/lib/domain/money";
import { CATEGORY_LABELS } from "@/lib/domain/forecast";
import type { Forecast } from "@/lib/server/forecast";
import { CsvButton } from "./csv-button";
import { inWindow, opportunitiesHref } from "./links";
import { FigureLink, Section, td, th } from "./section";

const ROWS = [
  { key: "CLOSED", cumulative: "closed" },
  { key: "COMMIT", cumulative: "commit" },
  { key: "BEST_CASE", cumulative: "bestCase" },
  { key: "PIPELINE", cumulative: "pipeline" },
] as const;

export function Categories({ forecast }: { forecast: Forecast }) {
  const { categories: c, currency, filters, window: w } = forecast;
  const rows = ROWS.map((r) => ({
    ...r,
    label: CATEGORY_LABELS[r.key],
    count: c[r.key].count,
    amount: c[r.key].amount,
    total: c.cumulative[r.cumulative],
    href: opportunitiesHref(filters, r.key === "CLOSED" ? { status: "WON", ...inWindow(w) } : { status: "OPEN", forecastCategory: r.key, ...inWindow(w) }),
  }));
  return (
    <Section
      id="forecast-categories"
      title="Forecast categories"
      description="Closed is won in the period; open deals count in their category (the stage's default unless the owner changed it); lost deals are omitted. The running total adds each line to those above it."
      actions={
        <CsvButton
          filename="forecast-categories.csv"
          header={["Category", "Deals", `Amount (${currency})`, `Running total (${currency})`]}
          rows={rows.map((r) => [r.label, r.count, r.amount, r.total])}
        />
      }
    >
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b border-border bg-surface-muted/60">
            <tr>
              <th scope="col" className={`${th} text-left`}>Category</th>
              <th scope="col" className={`${th} text-right`}>Deals</th>
              <th scope="col" className={`${th} text-right`}>Amount</th>
              <th scope="col" className={`${th} text-right`}>Running total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {rows.map((r) => (
              <tr key={r.key} data-testid={`category-${r.key}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {r.label}
                </th>
                <td className={`${td} text-right tabular`}>
                  <FigureLink href={r.href}>{r.count}</FigureLink>
                </td>
                <td className={`${td} text-right tabular`}>
                  <FigureLink href={r.href}>{formatMoney(r.amount, currency)}</FigureLink>
                </td>
                <td className={`${td} text-right font-semibold tabular`}>{formatMoney(r.total, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
