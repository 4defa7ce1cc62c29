// Settings dialogs: their input style and button row; the labelled Field is the forms one.
export const inputClass =
  "block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm shadow-sm outline-none transition placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/20 aria-[invalid=true]:border-danger";

export function FormActions({ children }: { children: React.ReactNode }) {
  return <div className="mt-6 flex justify-end gap-2">{children}</div>;
}
