"use client";
// Asks why a deal was lost, before it moves to a lost stage (a drop on the
// board's Lost zone, a click on the detail page's stage path). Cancelling
// leaves the deal where it was.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field, fieldAria, inputClass } from "@/components/ui/field";
import { lostDetailsSchema, type LostDetailsForm } from "@/lib/validation/move";

const optional = (label: string) => (
  <>
    {label} <span className="font-normal text-muted">(optional)</span>
  </>
);

export function LostDialog({
  title,
  reasons,
  pending = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  reasons: { id: string; name: string }[];
  pending?: boolean;
  onConfirm: (details: LostDetailsForm) => void;
  onCancel: () => void;
}) {
  const { register, handleSubmit, formState: { errors } } = useForm<LostDetailsForm>({
    resolver: zodResolver(lostDetailsSchema),
    defaultValues: { lostReasonId: "", competitor: "", lostNote: "" },
  });
  return (
    <Dialog open onClose={onCancel} title="Mark as lost" description={`Why did “${title}” not close? This feeds the loss analysis.`}>
      <form onSubmit={handleSubmit(onConfirm)} noValidate className="space-y-4">
        <Field id="lost-reason" label="Lost reason" error={errors.lostReasonId?.message}>
          <select {...register("lostReasonId")} {...fieldAria("lost-reason", errors.lostReasonId?.message)} autoFocus className={inputClass(!!errors.lostReasonId)}>
            <option value="">Choose a reason…</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </Field>
        <Field id="lost-competitor" label={optional("Competitor")} error={errors.competitor?.message}>
          <input {...register("competitor")} {...fieldAria("lost-competitor", errors.competitor?.message)} className={inputClass(!!errors.competitor)} />
        </Field>
        <Field id="lost-note" label={optional("Note")} error={errors.lostNote?.message}>
          <textarea {...register("lostNote")} {...fieldAria("lost-note", errors.lostNote?.message)} rows={3} className={inputClass(!!errors.lostNote)} />
        </Field>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending}>Mark as lost</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
