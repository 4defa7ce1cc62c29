"use client";
// Asks why a deal dropped on Lost was lost. Cancelling leaves the card where it was.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { lostDetailsSchema, type LostDetailsForm } from "@/lib/validation/move";

export function LostDialog({
  title,
  reasons,
  onConfirm,
  onCancel,
}: {
  title: string;
  reasons: { id: string; name: string }[];
  onConfirm: (details: LostDetailsForm) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { register, handleSubmit, formState } = useForm<LostDetailsForm>({
    resolver: zodResolver(lostDetailsSchema),
    defaultValues: { lostReasonId: "", competitor: "", lostNote: "" },
  });
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const errors = formState.errors;
  return (
    <dialog
      ref={ref}
      aria-labelledby="lost-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-2xl border border-border bg-surface p-0 text-text shadow-2xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={handleSubmit(onConfirm)} noValidate className="space-y-4 p-6">
        <div>
          <h2 id="lost-dialog-title" className="text-base font-semibold">Mark as lost</h2>
          <p className="mt-1 text-sm text-muted">Why did “{title}” not close? This feeds the loss analysis.</p>
        </div>
        <label className="block text-sm">
          <span className="font-medium">Lost reason</span>
          <select
            {...register("lostReasonId")}
            autoFocus
            aria-invalid={errors.lostReasonId ? true : undefined}
            className="mt-1 block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/20"
          >
            <option value="">Choose a reason…</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
          {errors.lostReasonId ? <span role="alert" className="mt-1 block text-xs text-danger">{errors.lostReasonId.message}</span> : null}
        </label>
        <label className="block text-sm">
          <span className="font-medium">Competitor <span className="font-normal text-muted">(optional)</span></span>
          <input {...register("competitor")} className="mt-1 block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/20" />
          {errors.competitor ? <span role="alert" className="mt-1 block text-xs text-danger">{errors.competitor.message}</span> : null}
        </label>
        <label className="block text-sm">
          <span className="font-medium">Note <span className="font-normal text-muted">(optional)</span></span>
          <textarea {...register("lostNote")} rows={3} className="mt-1 block w-full resize-y rounded-lg border border-border bg-surface px-3 py-2 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/20" />
          {errors.lostNote ? <span role="alert" className="mt-1 block text-xs text-danger">{errors.lostNote.message}</span> : null}
        </label>
        <div className="flex justify-end gap-2 pt-1">
          <button type="button" onClick={onCancel} className="rounded-lg border border-border px-3.5 py-2 text-sm font-medium transition hover:bg-surface-muted">
            Cancel
          </button>
          <button type="submit" className="rounded-lg bg-rose-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm transition hover:bg-rose-700">
            Mark as lost
          </button>
        </div>
      </form>
    </dialog>
  );
}
