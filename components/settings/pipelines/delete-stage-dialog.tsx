"use client";

// Deleting a stage that holds opportunities asks where they go; they move with
// their history, as a board move would, in the same transaction as the delete.
import { useState } from "react";
import type { EditorStageDto } from "@/lib/server/pipelines/editor";
import { deleteStageAction } from "@/lib/actions/stages";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { useAction } from "@/components/ui/use-action";

export function DeleteStageDialog({ stage, stages, lostReasons, onClose }: {
  stage: EditorStageDto | null;
  stages: EditorStageDto[];
  lostReasons: { id: string; name: string }[];
  onClose: () => void;
}) {
  const others = stages.filter((s) => s.id !== stage?.id);
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const held = stage?.opportunityCount ?? 0;
  const targetStage = others.find((s) => s.id === target);
  const { run, fieldErrors, pending } = useAction(deleteStageAction, {
    success: (d) => (d.movedOpportunities ? `Stage ${stage?.name} deleted; ${d.movedOpportunities} opportunities moved to ${targetStage?.name}` : `Stage ${stage?.name} deleted`),
  });
  const needsReason = held > 0 && targetStage?.type === "LOST" && stage?.type !== "LOST";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!stage) return;
    const result = await run({ id: stage.id, ...(held && target ? { targetStageId: target } : {}), ...(needsReason && reason ? { lostReasonId: reason } : {}) });
    if (result.ok) close();
  }
  function close() {
    setTarget("");
    setReason("");
    onClose();
  }

  return (
    <Dialog
      open={stage !== null}
      onClose={close}
      title={`Delete stage ${stage?.name ?? ""}`}
      description={held ? `${held} ${held === 1 ? "opportunity sits" : "opportunities sit"} in this stage. Choose where they go; each move is recorded in its history.` : "No opportunity sits in this stage."}
    >
      <form onSubmit={submit} className="space-y-4">
        {held ? (
          <SelectField id="delete-stage-target" label="Move its opportunities to" error={fieldErrors.targetStageId} placeholder="Choose a stage…" value={target} onChange={setTarget} options={others.map((s) => ({ value: s.id, label: s.name }))} />
        ) : null}
        {needsReason ? (
          <SelectField id="delete-stage-reason" label="Lost reason for the moved opportunities" error={fieldErrors.lostReasonId} placeholder="Choose a reason…" value={reason} onChange={setReason} options={lostReasons.map((r) => ({ value: r.id, label: r.name }))} />
        ) : null}
        {fieldErrors.id ? <p role="alert" className="text-sm text-danger">{fieldErrors.id}</p> : null}
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending || (held > 0 && !target) || (needsReason && !reason)}>
            {held ? "Move and delete" : "Delete stage"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
