"use client";
// A modal built on the native <dialog> element: focus trapping, Escape and
// the backdrop come from the browser.
import { useEffect, useRef } from "react";

export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="dialog-title"
      className="m-auto w-full max-w-md rounded-xl border border-border bg-surface p-0 text-text shadow-xl backdrop:bg-black/40"
    >
      {open ? (
        <div className="p-5">
          <h2 id="dialog-title" className="text-base font-semibold">{title}</h2>
          <div className="mt-3 text-sm">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
