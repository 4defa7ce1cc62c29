// The history: stage and status changes (with days spent in the stage left)
// and tracked field edits, newest first.
import { ArrowRight, CircleDot, Pencil, Trophy, XCircle } from "lucide-react";
import { formatMoney } from "@/lib/domain/money";
import type { TimelineEntry } from "@/lib/server/opportunities/history/timeline";
import { formatDate, formatTimestamp, plural } from "../format";

const FIELD_LABELS: Record<string, string> = { amount: "Amount", probability: "Probability", expectedCloseDate: "Expected close date", ownerId: "Owner" };

function value(field: string, v: string | null, currency: string): string {
  if (v === null) return "none";
  if (field === "amount") return formatMoney(v, currency);
  if (field === "probability") return `${v}%`;
  if (field === "expectedCloseDate") return formatDate(v);
  return v;
}

function Describe({ entry, currency }: { entry: TimelineEntry; currency: string }) {
  if (entry.kind === "field") {
    return (
      <>
        <span className="font-medium">{FIELD_LABELS[entry.field] ?? entry.field}</span> changed from <span className="font-medium">{value(entry.field, entry.oldValue, currency)}</span> to{" "}
        <span className="font-medium">{value(entry.field, entry.newValue, currency)}</span>
      </>
    );
  }
  if (entry.fromStage === null) return <>Created in <span className="font-medium">{entry.toStage}</span></>;
  return (
    <>
      Moved from <span className="font-medium">{entry.fromStage}</span> <ArrowRight className="inline size-3" aria-hidden="true" />
      <span className="sr-only">to</span> <span className="font-medium">{entry.toStage}</span>
      {entry.fromStatus !== entry.toStatus ? <> · status {entry.fromStatus?.toLowerCase()} → <span className="font-medium">{entry.toStatus.toLowerCase()}</span></> : null}
      {entry.daysInPreviousStage !== null ? <span className="text-muted"> · after {plural(entry.daysInPreviousStage, "day")} in {entry.fromStage}</span> : null}
    </>
  );
}

export function Timeline({ entries, currency }: { entries: TimelineEntry[]; currency: string }) {
  if (!entries.length) return <p className="text-sm text-muted">No history yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" data-testid="timeline">
      {entries.map((e) => {
        const Icon = e.kind === "field" ? Pencil : e.toStatus === "WON" ? Trophy : e.toStatus === "LOST" ? XCircle : CircleDot;
        return (
          <li key={e.id} className="relative text-sm" data-testid="timeline-entry">
            <span className="absolute -left-[27px] top-0.5 flex size-4 items-center justify-center rounded-full bg-surface text-muted ring-4 ring-background">
              <Icon className="size-3.5" aria-hidden="true" />
            </span>
            <p><Describe entry={e} currency={currency} /></p>
            <p className="mt-0.5 text-xs text-muted">
              {e.by ?? "Someone"} · {formatTimestamp(e.at)}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
