"use client";
// Below the lines: one-time subtotal, monthly subtotal (MRR), contract
// months, total contract value and the weighted value at the deal's odds, in
// the deal's currency and, when it differs, in the base currency. Computed
// by the same pure rules the server stores.
import { lineSummary } from "@/lib/domain/line-items";
import { formatMoney } from "@/lib/domain/money";
import { validLine, type LineDraft } from "./draft";

export interface DealFigures {
  currency: string;
  baseCurrency: string;
  exchangeRate: string;
  probability: number;
  contractMonths: number | null;
}

function Row({ label, value, base, strong, testId }: { label: React.ReactNode; value: string; base?: string; strong?: boolean; testId?: string }) {
  return (
    <div className={strong ? "flex items-baseline justify-between gap-4 border-t border-border pt-2 text-base font-semibold" : "flex items-baseline justify-between gap-4 text-sm"}>
      <dt className={strong ? "" : "text-muted"}>{label}</dt>
      <dd className="text-right tabular" data-testid={testId}>
        {value}
        {base ? <span className="block text-xs font-normal text-muted">{base}</span> : null}
      </dd>
    </div>
  );
}

export function LineTotals({ lines, deal, onContractMonths, disabled }: { lines: LineDraft[]; deal: DealFigures; onContractMonths?: (months: number | null) => void; disabled?: boolean }) {
  const valid = lines.map(validLine).filter((l) => l !== null);
  const s = lineSummary(valid, deal);
  const money = (v: string) => formatMoney(v, deal.currency);
  const foreign = deal.currency !== deal.baseCurrency;
  const base = (v: string) => (foreign ? `${formatMoney(v, deal.baseCurrency)}` : undefined);
  const incomplete = valid.length < lines.length;
  return (
    <div className="flex flex-col gap-4 @3xl:flex-row @3xl:items-start @3xl:justify-between">
      <p className="max-w-sm text-xs text-muted">
        {incomplete ? <span className="font-medium text-warning">Lines with errors count once they are fixed. </span> : null}
        Totals are rounded to cents per line; monthly lines count once per contract month.
      </p>
      <dl className="w-full space-y-1.5 @3xl:w-96" data-testid="line-totals">
        <Row label="One-time subtotal" value={money(s.oneTimeTotal)} testId="one-time-total" />
        <Row label="Monthly subtotal (MRR)" value={money(s.monthlyTotal)} testId="monthly-total" />
        <div className="flex items-center justify-between gap-4 text-sm">
          <dt>
            <label htmlFor="line-contract-months" className="text-muted">Contract months</label>
          </dt>
          <dd>
          {onContractMonths ? (
            <input
              id="line-contract-months"
              type="number"
              min={1}
              max={600}
              placeholder="1"
              disabled={disabled}
              value={deal.contractMonths ?? ""}
              onChange={(e) => onContractMonths(e.target.value === "" ? null : Math.max(1, Math.min(600, Math.trunc(Number(e.target.value)))))}
              className="w-20 rounded-md border border-border bg-surface px-2 py-1 text-right text-sm tabular outline-none focus:border-accent focus:ring-2 focus:ring-accent/20"
            />
          ) : (
            <span className="tabular">{s.months}</span>
          )}
          </dd>
        </div>
        <Row label="Total contract value" value={money(s.contractValue)} base={base(s.baseContractValue)} strong testId="contract-value" />
        <Row label={`Weighted at ${deal.probability}%`} value={money(s.weighted)} base={base(s.baseWeighted)} testId="weighted-value" />
      </dl>
    </div>
  );
}
