"use client";
// The product's one modal, on the native <dialog>: focus is trapped, Escape
// closes and the page behind is inert, without a dialog library. Labelled by
// its title (and described by its description) for screen readers.
import clsx from "clsx";
import { X } from "lucide-react";
import { useEffect, useId, useRef } from "react";

export function Dialog({
  open,
  onClose,
  title,
  description,
  wide = false,
  children,
}: {
  open: boolean;
  /** Called when the user closes it (Escape, the close button); the parent then sets `open` to false. */
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  wide?: boolean;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const openRef = useRef(open);
  const id = useId();
  useEffect(() => {
    openRef.current = open;
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      // The close event also follows a parent's own `open={false}`: only a close the parent did not ask for is reported.
      onClose={() => openRef.current && onClose()}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      className={clsx(
        "m-auto w-full rounded-xl border border-border bg-surface p-0 text-text shadow-2xl backdrop:bg-slate-950/40",
        wide ? "max-w-2xl" : "max-w-lg",
      )}
    >
      {open ? (
        <div className="p-6">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <h2 id={`${id}-title`} className="text-base font-semibold">{title}</h2>
              {description ? <p id={`${id}-description`} className="mt-1 text-sm text-muted">{description}</p> : null}
            </div>
            <button type="button" onClick={() => ref.current?.close()} aria-label="Close" className="rounded-md p-1 text-muted hover:bg-surface-muted hover:text-text">
              <X className="size-4" aria-hidden="true" />
            </button>
          </div>
          <div className="text-sm">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

/** The button row at the foot of a dialog (Cancel, then the action). */
export function DialogActions({ children }: { children: React.ReactNode }) {
  return <div className="mt-6 flex justify-end gap-2">{children}</div>;
}
