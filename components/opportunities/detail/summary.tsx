// The header figures: amount, weighted amount, probability, close date,
// owner, and the time in the current stage with the rotting warning.
import { AlertTriangle } from "lucide-react";
import clsx from "clsx";
import { Avatar } from "@/components/ui/avatar";
import { formatMoney } from "@/lib/domain/money";
import type { OpportunityDetail } from "@/lib/server/opportunities/read/detail";
import { formatDate, plural, stageAge } from "../format";

function Stat({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={clsx("min-w-0", className)}>
      <dt className="text-xs font-medium uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-1 break-words text-sm font-semibold tabular">{children}</dd>
    </div>
  );
}

export function Summary({ detail, now }: { detail: OpportunityDetail; now: Date }) {
  const o = detail.opportunity;
  const stage = detail.stages.find((s) => s.id === o.stageId);
  const { days, rotting } = stageAge(o, stage?.rottingDays, now);
  const overdue = o.status === "OPEN" && o.expectedCloseDate !== null && o.expectedCloseDate < now.toISOString().slice(0, 10);
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-3 lg:grid-cols-6">
      <Stat label="Amount">
        {formatMoney(o.amount, o.currency)}
        {o.recurringAmount !== "0.00" ? (
          <span className="block whitespace-normal text-xs font-normal text-muted" data-testid="amount-parts">
            {formatMoney(o.oneTimeAmount, o.currency)} one-time + {formatMoney(o.recurringAmount, o.currency)} per month
            {o.contractMonths ? ` × ${o.contractMonths}` : ""}
          </span>
        ) : null}
      </Stat>
      <Stat label="Weighted">{formatMoney(o.weightedAmount, o.currency)}</Stat>
      <Stat label="Probability">
        {o.probability}%{o.probabilityOverridden ? <span className="ml-1 text-xs font-normal text-muted">(set by hand)</span> : null}
      </Stat>
      <Stat label={o.status === "OPEN" ? "Expected close" : "Closed on"}>
        <span className={clsx(overdue && "text-danger")}>{formatDate(o.status === "OPEN" ? o.expectedCloseDate : o.actualCloseDate)}</span>
      </Stat>
      <Stat label="Owner">
        <span className="flex items-center gap-2"><Avatar name={detail.ownerName} size="sm" /> {detail.ownerName}</span>
      </Stat>
      <Stat label="In this stage">
        <span className={clsx("inline-flex items-center gap-1", rotting && "text-warning")} data-testid="time-in-stage">
          {rotting ? <AlertTriangle className="size-3.5" aria-hidden="true" /> : null}
          {plural(days, "day")}
          {rotting ? <span className="text-xs font-normal">(rotting: over {stage!.rottingDays})</span> : null}
        </span>
      </Stat>
    </dl>
  );
}
