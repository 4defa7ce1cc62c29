"use client";
// Acting on the selected rows: change owner, move to a stage (a lost stage
// asks for the reason), or delete after confirming. Rows the actor may not
// change are reported back by name of the error, not skipped silently.
import { useState } from "react";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
import { firstFieldMessage, useAction, type ActionOptions } from "@/components/ui/use-action";
import { bulkChangeOpportunitiesAction, bulkDeleteOpportunitiesAction } from "@/lib/actions/opportunities";
import type { BulkResult } from "@/lib/server/opportunities/write/bulk";
import type { TableOptions } from "./filter-bar";
import { plural } from "./format";

const select = inputClass(false, true);

/** What a bulk change reports: the rows changed, and the rows refused with their reasons. */
function reported<I>(verb: string, onDone: () => void, onEnd: () => void): ActionOptions<I, BulkResult> {
  return {
    failure: firstFieldMessage,
    onFailure: onEnd,
    onSuccess: (r) => {
      onEnd();
      if (r.updated) toast.success(`${plural(r.updated, "opportunity", "opportunities")} ${verb}`);
      if (r.failed.length) toast.error(`${r.failed.length} not ${verb}: ${[...new Set(r.failed.map((f) => f.message))].join("; ")}`);
      onDone();
    },
  };
}

export function BulkBar({ ids, options, onDone }: { ids: string[]; options: TableOptions; onDone: () => void }) {
  const [ownerId, setOwnerId] = useState("");
  const [stageId, setStageId] = useState("");
  const [lostReasonId, setLostReasonId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const stage = options.pipelines.flatMap((p) => p.stages).find((s) => s.id === stageId);
  const closeDialog = () => setConfirming(false);
  const reassign = useAction(bulkChangeOpportunitiesAction, reported("reassigned", onDone, closeDialog));
  const moveTo = useAction(bulkChangeOpportunitiesAction, reported("moved", onDone, closeDialog));
  const remove = useAction(bulkDeleteOpportunitiesAction, reported("deleted", onDone, closeDialog));
  const busy = reassign.pending || moveTo.pending || remove.pending;

  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-accent/30 bg-accent-soft px-3 py-2 text-sm" data-testid="bulk-bar">
      <span className="font-medium text-accent">{ids.length} selected</span>
      <span className="mx-1 h-4 w-px bg-border" />
      <select aria-label="New owner" className={select} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
        <option value="">Change owner…</option>
        {options.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <Button disabled={!ownerId || busy} onClick={() => reassign.run({ ids, ownerId })}>
        Apply
      </Button>
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
      <Button
        disabled={!stageId || busy || (stage?.type === "LOST" && !lostReasonId)}
        onClick={() => moveTo.run({ ids, stageId, ...(stage?.type === "LOST" ? { lostReasonId } : {}) })}
      >
        Move
      </Button>
      <Button variant="dangerGhost" className="ml-auto" onClick={() => setConfirming(true)}>
        <Trash2 className="size-4" aria-hidden="true" /> Delete
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={`Delete ${ids.length === 1 ? "1 opportunity" : `${ids.length} opportunities`}?`}>
        <p>Their line items, contact links and history are deleted too. This cannot be undone.</p>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button variant="danger" disabled={busy} onClick={() => remove.run({ ids })}>
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}
