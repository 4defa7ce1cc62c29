"use client";

// Deleting a stage that holds opportunities asks where they go; they move with
// their history, as a board move would, in the same transaction as the delete.
import { useState } from "react";
import type { StageDto } from "@/lib/server/settings/pipeline-dto";
import { deleteStageAction } from "@/app/(app)/settings/pipelines/actions";
import { Button } from "../ui/button";
import { Field, FormActions, inputClass } from "../ui/field";
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
          <Field id="delete-stage-target" label="Move its opportunities to" error={fieldErrors.targetStageId}>
            <select id="delete-stage-target" className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={!!fieldErrors.targetStageId}>
              <option value="">Choose a stage…</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
          </Field>
        ) : null}
        {needsReason ? (
          <Field id="delete-stage-reason" label="Lost reason for the moved opportunities" error={fieldErrors.lostReasonId}>
            <select id="delete-stage-reason" className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Choose a reason…</option>
              {lostReasons.map((r) => (
                <option key={r.id} value={r.id}>{r.name}</option>
              ))}
            </select>
          </Field>
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
