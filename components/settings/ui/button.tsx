import clsx from "clsx";

const VARIANTS = {
  primary: "bg-accent text-white shadow-sm hover:opacity-90",
  secondary: "border border-border bg-surface text-text shadow-sm hover:bg-surface-muted",
  danger: "bg-danger text-white shadow-sm hover:opacity-90",
  ghost: "text-muted hover:bg-surface-muted hover:text-text",
  dangerGhost: "text-danger hover:bg-rose-50 dark:hover:bg-rose-950",
} as const;

export function Button({
  variant = "secondary",
  size = "md",
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; size?: "sm" | "md" }) {
  return (
    <button
      type="button"
      {...props}
      className={clsx(
        "inline-flex items-center justify-center gap-1.5 rounded-lg font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-50",
        size === "sm" ? "px-2.5 py-1.5 text-xs" : "px-3.5 py-2 text-sm",
        VARIANTS[variant],
        className,
      )}
    />
  );
}

/** A square icon button; `label` is its accessible name and tooltip. */
export function IconButton({ label, className, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      {...props}
      className={clsx(
        "inline-flex size-8 items-center justify-center rounded-md text-muted transition hover:bg-surface-muted hover:text-text focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40",
        className,
      )}
    />
  );
}
