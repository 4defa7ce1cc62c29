"use client";
// The stage path: every stage of the pipeline, the current one highlighted.
// Clicking a stage moves the opportunity there through updateOpportunity, so
// the board's rules apply (a lost stage asks why first).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Check } from "lucide-react";
import clsx from "clsx";
import { toast } from "sonner";
import { updateOpportunityAction } from "@/app/(app)/opportunities/actions";
import { buttonClass, inputClass } from "@/components/forms/styles";
import type { StageOption } from "@/lib/server/opportunities/form-options";

export function StagePath({
  opportunityId,
  version,
  stageId,
  stages,
  lostReasons,
  canEdit,
}: {
  opportunityId: string;
  version: number;
  stageId: string;
  stages: StageOption[];
  lostReasons: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [losing, setLosing] = useState<StageOption | null>(null);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [competitor, setCompetitor] = useState("");
  const currentIndex = stages.findIndex((s) => s.id === stageId);
  const current = stages[currentIndex];

  async function move(stage: StageOption, lost?: { lostReasonId: string; lostNote: string; competitor: string }) {
    setBusy(true);
    const result = await updateOpportunityAction({
      id: opportunityId,
      changes: { stageId: stage.id, version, ...(lost ? { lostReasonId: lost.lostReasonId, lostNote: lost.lostNote, competitor: lost.competitor } : {}) },
    });
    setBusy(false);
    if (result.ok) {
      setLosing(null);
      toast.success(`Moved to ${stage.name}`);
    } else if (result.error.code === "CONFLICT") {
      toast.error("Someone else changed this opportunity; showing the latest version. Try again.");
    } else {
      toast.error(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
    }
    router.refresh();
  }

  return (
    <div>
      <ol className="flex w-full overflow-hidden rounded-lg border border-border bg-surface text-xs font-medium" aria-label="Stage path">
        {stages.map((s, i) => {
          const isCurrent = s.id === stageId;
          const passed = current?.type === "OPEN" ? i < currentIndex && s.type === "OPEN" : current?.type === "WON" ? s.type === "OPEN" : false;
          return (
            <li key={s.id} className="min-w-0 flex-1 border-r border-border last:border-r-0">
              <button
                type="button"
                disabled={!canEdit || busy || isCurrent}
                aria-current={isCurrent ? "step" : undefined}
                title={canEdit && !isCurrent ? `Move to ${s.name}` : s.name}
                onClick={() => (s.type === "LOST" ? setLosing(s) : void move(s))}
                className={clsx(
                  "flex w-full items-center justify-center gap-1 truncate px-2 py-2 transition",
                  isCurrent ? "text-white" : passed ? "bg-accent-soft text-accent" : "text-muted",
                  canEdit && !isCurrent && "hover:bg-surface-muted hover:text-text",
                )}
                style={isCurrent ? { backgroundColor: s.color } : undefined}
              >
                {passed ? <Check className="size-3 shrink-0" aria-hidden="true" /> : null}
                <span className="truncate">{s.name}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {losing ? (
        <form
          noValidate
          className="mt-3 grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason) return toast.error("Choose why the deal was lost");
            void move(losing, { lostReasonId: reason, lostNote: note, competitor });
          }}
        >
          <div className="text-sm">
            <label htmlFor="path-lost-reason" className="mb-1 block font-medium">Lost reason</label>
            <select id="path-lost-reason" value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass()}>
              <option value="">Choose a reason…</option>
              {lostReasons.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            </select>
          </div>
          <div className="text-sm">
            <label htmlFor="path-competitor" className="mb-1 block font-medium">Competitor</label>
            <input id="path-competitor" value={competitor} onChange={(e) => setCompetitor(e.target.value)} className={inputClass()} />
          </div>
          <div className="text-sm">
            <label htmlFor="path-note" className="mb-1 block font-medium">Note</label>
            <input id="path-note" value={note} onChange={(e) => setNote(e.target.value)} className={inputClass()} />
          </div>
          <div className="flex justify-end gap-2 sm:col-span-3">
            <button type="button" className={buttonClass("secondary")} onClick={() => setLosing(null)}>Cancel</button>
            <button type="submit" className={buttonClass("danger")} disabled={busy}>Mark as lost</button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
