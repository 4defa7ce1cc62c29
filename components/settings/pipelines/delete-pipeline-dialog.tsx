"use client";

// Deleting a pipeline with opportunities asks for a target pipeline and, for
// each stage that holds any, the target stage (same type preselected).
import { useState } from "react";
import type { EditorPipelineDto } from "@/lib/server/pipelines/editor";
import { deletePipelineAction } from "@/lib/actions/pipelines";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useAction } from "@/components/ui/use-action";

function defaultMap(pipeline: EditorPipelineDto, target: EditorPipelineDto | undefined): Record<string, string> {
  if (!target) return {};
  return Object.fromEntries(
    pipeline.stages.filter((s) => s.opportunityCount > 0).map((s) => [s.id, (target.stages.find((t) => t.type === s.type && t.name === s.name) ?? target.stages.find((t) => t.type === s.type))?.id ?? ""]),
  );
}

export function DeletePipelineDialog({ open, pipeline, others, lostReasons, onClose, onDeleted }: {
  open: boolean;
  pipeline: EditorPipelineDto;
  others: EditorPipelineDto[];
  lostReasons: { id: string; name: string }[];
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [targetId, setTargetId] = useState(others.find((p) => !p.isArchived)?.id ?? "");
  const target = others.find((p) => p.id === targetId);
  const [map, setMap] = useState<Record<string, string>>(() => defaultMap(pipeline, target));
  const [reason, setReason] = useState("");
  const { run, fieldErrors, pending } = useAction(deletePipelineAction, {
    success: (d) => `Pipeline ${pipeline.name} deleted${d.movedOpportunities ? `; ${d.movedOpportunities} opportunities moved to ${target?.name}` : ""}`,
  });
  const held = pipeline.stages.filter((s) => s.opportunityCount > 0);
  const needsReason = held.some((s) => s.type !== "LOST" && target?.stages.find((t) => t.id === map[s.id])?.type === "LOST");

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const result = await run({
      id: pipeline.id,
      ...(held.length && targetId ? { targetPipelineId: targetId, stageMap: map } : {}),
      ...(needsReason && reason ? { lostReasonId: reason } : {}),
    });
    if (result.ok) {
      onClose();
      onDeleted();
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={`Delete pipeline ${pipeline.name}`}
      description={held.length ? `${pipeline.opportunityCount} opportunities live in this pipeline. Choose where each stage's opportunities go; every move is recorded in their history.` : "This pipeline holds no opportunity; its stages are deleted with it."}
    >
      <form onSubmit={submit} className="space-y-4">
        {held.length ? (
          <>
            <SelectField
              id="delete-pipeline-target"
              label="Move opportunities to pipeline"
              error={fieldErrors.targetPipelineId}
              placeholder="Choose a pipeline…"
              value={targetId}
              onChange={(id) => { setTargetId(id); setMap(defaultMap(pipeline, others.find((p) => p.id === id))); }}
              options={others.map((p) => ({ value: p.id, label: p.isArchived ? `${p.name} (archived)` : p.name, disabled: p.isArchived }))}
            />
            {target ? (
              <div className="rounded-lg border border-border">
                {held.map((s) => (
                  <div key={s.id} className="grid grid-cols-[1fr_auto_1fr] items-center gap-3 border-b border-border px-3 py-2 last:border-0">
                    <label htmlFor={`map-${s.id}`} className="text-sm">
                      {s.name} <span className="text-muted">({s.opportunityCount})</span>
                    </label>
                    <span className="text-muted" aria-hidden="true">→</span>
                    <div>
                      <select id={`map-${s.id}`} className={inputClass()} value={map[s.id] ?? ""} onChange={(e) => setMap({ ...map, [s.id]: e.target.value })} aria-invalid={!!fieldErrors[`stageMap.${s.id}`]}>
                        <option value="">Choose a stage…</option>
                        {target.stages.map((t) => (
                          <option key={t.id} value={t.id}>{t.name}</option>
                        ))}
                      </select>
                      {fieldErrors[`stageMap.${s.id}`] ? <p role="alert" className="mt-1 text-xs text-danger">{fieldErrors[`stageMap.${s.id}`]}</p> : null}
                    </div>
                  </div>
                ))}
              </div>
            ) : null}
            {needsReason ? (
              <SelectField id="delete-pipeline-reason" label="Lost reason for deals that become lost" error={fieldErrors.lostReasonId} placeholder="Choose a reason…" value={reason} onChange={setReason} options={lostReasons.map((r) => ({ value: r.id, label: r.name }))} />
            ) : null}
          </>
        ) : null}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending || (held.length > 0 && (!target || held.some((s) => !map[s.id])))}>
            {held.length ? "Move and delete" : "Delete pipeline"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
