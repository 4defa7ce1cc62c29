"use client";

// Deleting a stage that holds opportunities asks where they go; they move with
// their history, as a board move would, in the same transaction as the delete.
import { useState } from "react";
import type { StageDto } from "@/lib/server/settings/pipeline-dto";
import { deleteStageAction } from "@/app/(app)/settings/(admin)/pipelines/actions";
import { Button } from "../ui/button";
import { FormActions } from "../ui/field";
import { SelectField } from "../ui/select-field";
import { Modal } from "../ui/modal";
import { useSettingsAction } from "../use-settings-action";

export function DeleteStageDialog({ stage, stages, lostReasons, onClose }: {
  stage: StageDto | null;
  stages: StageDto[];
  lostReasons: { id: string; name: string }[];
  onClose: () => void;
}) {
  const others = stages.filter((s) => s.id !== stage?.id);
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const { run, fieldErrors, pending } = useSettingsAction();
  const held = stage?.opportunityCount ?? 0;
  const targetStage = others.find((s) => s.id === target);
  const needsReason = held > 0 && targetStage?.type === "LOST" && stage?.type !== "LOST";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!stage) return;
    const result = await run(
      () => deleteStageAction({ id: stage.id, targetStageId: held ? target || null : null, lostReasonId: needsReason ? reason || null : null }),
      (d) => (d.moved ? `Stage ${stage.name} deleted; ${d.moved} opportunities moved to ${targetStage?.name}` : `Stage ${stage.name} deleted`),
    );
    if (result.ok) close();
  }
  function close() {
    setTarget("");
    setReason("");
    onClose();
  }

  return (
    <Modal
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
        <FormActions>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending || (held > 0 && !target) || (needsReason && !reason)}>
            {held ? "Move and delete" : "Delete stage"}
          </Button>
        </FormActions>
      </form>
    </Modal>
  );
}
