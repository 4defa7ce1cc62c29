"use client";
// The history: stage and status changes (with days spent in the stage left),
// tracked field edits, activities done and notes, newest first, filterable by kind.
import clsx from "clsx";
import { ArrowRight, CircleDot, Pencil, StickyNote, Trophy, XCircle } from "lucide-react";
import { useState } from "react";
import { ActivityIcon } from "@/components/activities/activity-icon";
import { NoteText } from "@/components/activities/note-text";
import { formatMoney } from "@/lib/domain/money";
import type { TimelineEntry, TimelineKind } from "@/lib/server/opportunities/history/timeline";
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
  if (entry.kind === "activity") return <><span className="font-medium">{entry.type}</span> done: {entry.subject}</>;
  if (entry.kind === "note") return <NoteText body={entry.body} className="rounded-lg bg-surface-muted px-3 py-2" />;
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

const KINDS: { kind: TimelineKind | "all"; label: string }[] = [
  { kind: "all", label: "All" },
  { kind: "stage", label: "Stages" },
  { kind: "field", label: "Edits" },
  { kind: "activity", label: "Activities" },
  { kind: "note", label: "Notes" },
];

function EntryIcon({ e }: { e: TimelineEntry }) {
  if (e.kind === "activity") return <ActivityIcon icon={e.icon} />;
  const Icon = e.kind === "note" ? StickyNote : e.kind === "field" ? Pencil : e.toStatus === "WON" ? Trophy : e.toStatus === "LOST" ? XCircle : CircleDot;
  return <Icon className="size-3.5" aria-hidden="true" />;
}

export function Timeline({ entries, currency }: { entries: TimelineEntry[]; currency: string }) {
  const [kind, setKind] = useState<TimelineKind | "all">("all");
  const shown = kind === "all" ? entries : entries.filter((e) => e.kind === kind);
  return (
    <div>
      <div role="group" aria-label="Show" className="mb-4 flex flex-wrap gap-1.5">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            aria-pressed={kind === k.kind}
            onClick={() => setKind(k.kind)}
            className={clsx("rounded-full border px-2.5 py-1 text-xs font-medium", kind === k.kind ? "border-accent bg-accent text-on-accent" : "border-border text-muted hover:text-text")}
          >
            {k.label}
          </button>
        ))}
      </div>
      {shown.length ? <Entries entries={shown} currency={currency} /> : <p className="text-sm text-muted">Nothing here yet.</p>}
    </div>
  );
}

function Entries({ entries, currency }: { entries: TimelineEntry[]; currency: string }) {
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" data-testid="timeline">
      {entries.map((e) => {
        return (
          <li key={e.id} className="relative text-sm" data-testid="timeline-entry">
            <span className="absolute -left-[27px] top-0.5 flex size-4 items-center justify-center rounded-full bg-surface text-muted ring-4 ring-background">
              <EntryIcon e={e} />
            </span>
            <div data-kind={e.kind}><Describe entry={e} currency={currency} /></div>
            <p className="mt-0.5 text-xs text-muted">
              {e.by ?? "Someone"} · {formatTimestamp(e.at)}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
