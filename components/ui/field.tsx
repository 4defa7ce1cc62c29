// Form controls: one input style, and the labelled Field that wires a control
// to its hint and its error for screen readers (aria-invalid and
// aria-describedby are set on the control by `fieldAria`).
import clsx from "clsx";

/** The style of every input, select and textarea; `inline` sizes it to its content (filter bars) instead of filling its column. */
export const inputClass = (invalid?: boolean, inline = false) =>
  clsx(
    inline ? "inline-block py-2" : "block w-full py-2",
    "rounded-lg border bg-surface px-3 text-sm shadow-sm outline-none transition placeholder:text-muted/70",
    "focus:border-accent focus:ring-2 focus:ring-accent/20 disabled:bg-surface-muted disabled:text-muted",
    invalid ? "border-danger focus:border-danger focus:ring-danger/20" : "border-border aria-[invalid=true]:border-danger",
  );

export function Field({
  id,
  label,
  error,
  hint,
  required,
  className,
  children,
}: {
  id: string;
  label: React.ReactNode;
  error?: string | undefined;
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={clsx("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? <span className="ml-0.5 text-danger" aria-hidden="true">*</span> : null}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** aria props for the control inside a Field. */
export const fieldAria = (id: string, error?: string) => ({
  id,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : `${id}-hint`,
});

export function FormSection({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <h2 className="text-sm font-semibold">{title}</h2>
      {description ? <p className="mt-0.5 text-xs text-muted">{description}</p> : null}
      <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>
    </section>
  );
}
