// The period's headline figures, each linking to the deals behind it.
import { formatMoney } from "@/lib/domain/money";
import { formatRatio, type DateWindow } from "@/lib/domain/forecast";
import type { Forecast } from "@/lib/server/forecast";
import { inWindow, opportunitiesHref } from "./links";
import { FigureLink } from "./section";

interface Card {
  label: string;
  value: string;
  detail?: string;
  href: string;
  testId: string;
}

export function Headline({ forecast }: { forecast: Forecast }) {
  const { headline: h, currency, filters } = forecast;
  const w: DateWindow = forecast.window;
  const money = (v: string | null) => (v === null ? "—" : formatMoney(v, currency));
  const open = opportunitiesHref(filters, { status: "OPEN", ...inWindow(w) });
  const won = opportunitiesHref(filters, { status: "WON", ...inWindow(w) });
  const lost = opportunitiesHref(filters, { status: "LOST", ...inWindow(w) });
  const deals = (n: number) => `${n} ${n === 1 ? "deal" : "deals"}`;
  const cards: Card[] = [
    { label: "Open pipeline", value: money(h.openAmount), detail: `${deals(h.openCount)} closing in the period`, href: open, testId: "open-pipeline" },
    { label: "Weighted pipeline", value: money(h.weightedAmount), detail: "amount × probability", href: open, testId: "weighted-pipeline" },
    { label: "Won", value: money(h.wonAmount), detail: deals(h.wonCount), href: won, testId: "won" },
    { label: "Won one-time", value: money(h.oneTimeWon), detail: `+ ${money(h.recurringWon)} recurring`, href: won, testId: "won-one-time" },
    { label: "Lost", value: money(h.lostAmount), detail: deals(h.lostCount), href: lost, testId: "lost" },
    { label: "Win rate", value: formatRatio(h.winRateByCount), detail: `by count · ${formatRatio(h.winRateByValue)} by value`, href: won, testId: "win-rate" },
    { label: "Average deal size", value: money(h.averageDealSize), detail: "won deals", href: won, testId: "average-deal" },
    { label: "Average sales cycle", value: h.averageCycleDays === null ? "—" : `${h.averageCycleDays} days`, detail: "created to won", href: won, testId: "sales-cycle" },
    { label: "MRR won", value: money(h.mrrWon), detail: "recurring per month, won deals", href: won, testId: "mrr-won" },
    { label: "Weighted MRR", value: money(h.weightedMrr), detail: "open deals", href: open, testId: "weighted-mrr" },
    ...(h.quota !== null
      ? [{ label: "Quota attainment", value: formatRatio(h.attainment), detail: `${money(h.wonAmount)} of ${money(h.quota)}`, href: won, testId: "attainment" }]
      : []),
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5" aria-label="Headline figures">
      {cards.map((c) => (
        <div key={c.label} className="rounded-xl border border-border bg-surface px-4 py-3 shadow-sm" data-testid={`figure-${c.testId}`}>
          <dt className="text-xs font-medium text-muted">{c.label}</dt>
          <dd className="mt-1 text-lg font-semibold tracking-tight tabular">
            <FigureLink href={c.href} label={`${c.label}: ${c.value}, show the opportunities`}>
              {c.value}
            </FigureLink>
          </dd>
          {c.detail ? <dd className="mt-0.5 truncate text-xs text-muted">{c.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
