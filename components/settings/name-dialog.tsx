"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

/** A one-field dialog for naming or renaming something. */
export function NameDialog({
  open, onClose, title, label = "Name", initial = "", submitLabel = "Save", error, onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  label?: string;
  initial?: string;
  submitLabel?: string;
  error?: string;
  onSubmit: (name: string) => Promise<boolean>;
}) {
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const ok = await onSubmit(name);
          setBusy(false);
          if (ok) onClose();
        }}
      >
        <Field id="name-dialog-input" label={label} error={error}>
          <input id="name-dialog-input" className={inputClass()} value={name} onChange={(e) => setName(e.target.value)} autoFocus aria-invalid={!!error} maxLength={80} />
        </Field>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || !name.trim()}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
