"use client";
// Acting on the selected rows: change owner, move to a stage (a lost stage
// asks for the reason), or delete after confirming. Rows the actor may not
// change are reported back by name of the error, not skipped silently.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { bulkChangeOpportunitiesAction, bulkDeleteOpportunitiesAction } from "@/app/(app)/opportunities/actions";
import { buttonClass, inputClass } from "@/components/forms/styles";
import { Dialog } from "@/components/ui/dialog";
import type { TableOptions } from "./filter-bar";
import { plural } from "./format";

const select = inputClass(false, true);

export function BulkBar({ ids, options, onDone }: { ids: string[]; options: TableOptions; onDone: () => void }) {
  const router = useRouter();
  const [ownerId, setOwnerId] = useState("");
  const [stageId, setStageId] = useState("");
  const [lostReasonId, setLostReasonId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const stage = options.pipelines.flatMap((p) => p.stages).find((s) => s.id === stageId);

  async function run(action: () => ReturnType<typeof bulkDeleteOpportunitiesAction>, verb: string) {
    setBusy(true);
    const r = await action();
    setBusy(false);
    setConfirming(false);
    if (!r.ok) return void toast.error(Object.values(r.error.fields ?? {})[0] ?? r.error.message);
    if (r.data.updated) toast.success(`${plural(r.data.updated, "opportunity", "opportunities")} ${verb}`);
    if (r.data.failed.length) toast.error(`${r.data.failed.length} not ${verb}: ${[...new Set(r.data.failed.map((f) => f.message))].join("; ")}`);
    onDone();
    router.refresh();
  }

  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-accent/30 bg-accent-soft px-3 py-2 text-sm" data-testid="bulk-bar">
      <span className="font-medium text-accent">{ids.length} selected</span>
      <span className="mx-1 h-4 w-px bg-border" />
      <select aria-label="New owner" className={select} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
        <option value="">Change owner…</option>
        {options.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <button type="button" className={buttonClass("secondary")} disabled={!ownerId || busy} onClick={() => run(() => bulkChangeOpportunitiesAction({ ids, ownerId }), "reassigned")}>
        Apply
      </button>
      <span className="mx-1 h-4 w-px bg-border" />
      <select aria-label="Move to stage" className={select} value={stageId} onChange={(e) => setStageId(e.target.value)}>
        <option value="">Move to stage…</option>
        {options.pipelines.map((p) => (
          <optgroup key={p.id} label={p.name}>
            {p.stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </optgroup>
        ))}
      </select>
      {stage?.type === "LOST" ? (
        <select aria-label="Lost reason" className={select} value={lostReasonId} onChange={(e) => setLostReasonId(e.target.value)}>
          <option value="">Lost reason…</option>
          {options.lostReasons.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      ) : null}
      <button
        type="button"
        className={buttonClass("secondary")}
        disabled={!stageId || busy || (stage?.type === "LOST" && !lostReasonId)}
        onClick={() => run(() => bulkChangeOpportunitiesAction({ ids, stageId, ...(stage?.type === "LOST" ? { lostReasonId } : {}) }), "moved")}
      >
        Move
      </button>
      <button type="button" className={`${buttonClass("ghost")} ml-auto text-danger`} onClick={() => setConfirming(true)}>
        <Trash2 className="size-4" aria-hidden="true" /> Delete
      </button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={`Delete ${ids.length === 1 ? "1 opportunity" : `${ids.length} opportunities`}?`}>
        <p>Their line items, contact links and history are deleted too. This cannot be undone.</p>
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(false)}>Cancel</button>
          <button type="button" className={buttonClass("danger")} disabled={busy} onClick={() => run(() => bulkDeleteOpportunitiesAction({ ids }), "deleted")}>
            Delete
          </button>
        </div>
      </Dialog>
    </div>
  );
}
