"use client";

// Adds or edits a stage. Changing an open stage's probability offers to apply
// it to the open opportunities that still follow the stage's value.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { EditorStageDto } from "@/lib/server/pipelines/editor";
import { stageFormSchema, type StageForm } from "@/lib/validation/stages";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Dialog, DialogActions } from "@/components/ui/dialog";

export const STAGE_COLORS = ["#94a3b8", "#60a5fa", "#38bdf8", "#22d3ee", "#a78bfa", "#f472b6", "#f59e0b", "#f97316", "#10b981", "#ef4444"];
const CATEGORY_LABEL = { PIPELINE: "Pipeline", BEST_CASE: "Best case", COMMIT: "Commit", CLOSED: "Closed", OMITTED: "Omitted" } as const;

export interface StageSubmit extends StageForm {
  afterStageId: string | null;
  applyToOpen: boolean;
}

export function StageFormDialog({
  open, onClose, stage, stages, serverErrors, onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  /** null: a new stage. */
  stage: EditorStageDto | null;
  stages: EditorStageDto[];
  serverErrors: Record<string, string>;
  onSubmit: (values: StageSubmit) => Promise<boolean>;
}) {
  const defaults: StageForm & { afterStageId: string; applyToOpen: boolean } = stage
    ? { name: stage.name, probability: stage.probability, type: stage.type, color: stage.color, rottingDays: stage.rottingDays, forecastCategory: stage.forecastCategory, afterStageId: "", applyToOpen: false }
    : { name: "", probability: 50, type: "OPEN", color: STAGE_COLORS[1], rottingDays: 14, forecastCategory: "PIPELINE", afterStageId: lastOpenId(stages), applyToOpen: false };
  const form = useForm<StageForm & { afterStageId: string; applyToOpen: boolean }>({
    resolver: zodResolver(stageFormSchema) as never,
    defaultValues: defaults,
  });
  const { register, handleSubmit, control, reset, setValue, getValues, formState: { errors, isSubmitting } } = form;
  useEffect(() => {
    if (open) reset(defaults);
    // Reset when the dialog opens for another stage.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, stage?.id]);
  const type = useWatch({ control, name: "type" });
  const probability = useWatch({ control, name: "probability" });
  const color = useWatch({ control, name: "color" });
  useEffect(() => {
    if (type === "WON") setValue("probability", 100);
    if (type === "LOST") setValue("probability", 0);
  }, [type, setValue]);
  const probabilityChanged = stage !== null && type === "OPEN" && Number(probability) !== stage.probability;
  const err = (name: string) => (errors as Record<string, { message?: string }>)[name]?.message ?? serverErrors[name];
  const id = (name: string) => `stage-${name}`;

  return (
    <Dialog open={open} onClose={onClose} title={stage ? `Edit stage ${stage.name}` : "Add a stage"} wide>
      <form
        noValidate
        onSubmit={handleSubmit(async (v) => {
          // The schema covers the stage's own fields; placement and the apply choice are read beside it.
          const ok = await onSubmit({ ...v, afterStageId: getValues("afterStageId") || null, applyToOpen: probabilityChanged && getValues("applyToOpen") });
          if (ok) onClose();
        })}
        className="grid grid-cols-2 gap-4"
      >
        <Field id={id("name")} label="Name" error={err("name")} className="col-span-2">
          <input id={id("name")} className={inputClass()} autoFocus aria-invalid={!!err("name")} {...register("name")} />
        </Field>
        <Field id={id("type")} label="Type" error={err("type")} hint="Won and lost stages close the deal.">
          <select id={id("type")} className={inputClass()} {...register("type")}>
            <option value="OPEN">Open</option>
            <option value="WON">Won</option>
            <option value="LOST">Lost</option>
          </select>
        </Field>
        <Field id={id("probability")} label="Probability (%)" error={err("probability")} hint={type === "OPEN" ? "0 to 100" : type === "WON" ? "Won stages are always 100%" : "Lost stages are always 0%"}>
          <input
            id={id("probability")}
            type="number"
            min={0}
            max={100}
            className={inputClass()}
            readOnly={type !== "OPEN"}
            aria-invalid={!!err("probability")}
            {...register("probability", { valueAsNumber: true })}
          />
        </Field>
        <Field id={id("forecastCategory")} label="Forecast category" error={err("forecastCategory")}>
          {type === "OPEN" ? (
            <select id={id("forecastCategory")} className={inputClass()} {...register("forecastCategory")}>
              {(["PIPELINE", "BEST_CASE", "COMMIT"] as const).map((c) => (
                <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>
              ))}
            </select>
          ) : (
            <input id={id("forecastCategory")} className={inputClass()} readOnly value={type === "WON" ? CATEGORY_LABEL.CLOSED : CATEGORY_LABEL.OMITTED} />
          )}
        </Field>
        <Field id={id("rottingDays")} label="Rotting after (days)" error={err("rottingDays")} hint="Empty: never warn.">
          <input
            id={id("rottingDays")}
            type="number"
            min={1}
            className={inputClass()}
            aria-invalid={!!err("rottingDays")}
            {...register("rottingDays", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}
          />
        </Field>
        <fieldset className="col-span-2">
          <legend className="mb-1.5 text-sm font-medium">Color</legend>
          <div className="flex flex-wrap gap-2">
            {STAGE_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                aria-label={`Color ${c}`}
                aria-pressed={color === c}
                onClick={() => setValue("color", c)}
                className="size-7 rounded-full ring-offset-2 ring-offset-surface transition aria-pressed:ring-2 aria-pressed:ring-accent"
                style={{ backgroundColor: c }}
              />
            ))}
          </div>
        </fieldset>
        {stage === null ? (
          <Field id={id("afterStageId")} label="Position" className="col-span-2">
            <select id={id("afterStageId")} className={inputClass()} {...register("afterStageId")}>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>After {s.name}</option>
              ))}
            </select>
          </Field>
        ) : null}
        {probabilityChanged && stage.followerCount > 0 ? (
          <label className="col-span-2 flex items-start gap-2.5 rounded-lg border border-border bg-surface-muted/60 p-3 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 accent-[var(--accent)]" {...register("applyToOpen")} />
            <span>
              Also set {stage.followerCount} open {stage.followerCount === 1 ? "opportunity" : "opportunities"} in this stage to {probability}%
              <span className="block text-xs text-muted">Opportunities whose probability was set by hand keep theirs.</span>
            </span>
          </label>
        ) : null}
        {serverErrors._root || serverErrors.id ? <p role="alert" className="col-span-2 text-sm text-danger">{serverErrors._root ?? serverErrors.id}</p> : null}
        <div className="col-span-2">
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={isSubmitting}>
              {stage ? "Save stage" : "Add stage"}
            </Button>
          </DialogActions>
        </div>
      </form>
    </Dialog>
  );
}

function lastOpenId(stages: EditorStageDto[]): string {
  const open = stages.filter((s) => s.type === "OPEN");
  return (open[open.length - 1] ?? stages[stages.length - 1])?.id ?? "";
}
