// The product's one button: variants for its role on the page, two sizes.
// `buttonClass` gives a link (<Link>) the same look.
import clsx from "clsx";

const VARIANTS = {
  primary: "bg-accent text-on-accent shadow-sm hover:brightness-110",
  secondary: "border border-border bg-surface text-text shadow-sm hover:bg-surface-muted",
  danger: "bg-danger text-on-danger shadow-sm hover:brightness-110",
  ghost: "text-muted hover:bg-surface-muted hover:text-text",
  dangerGhost: "text-danger hover:bg-rose-50 dark:hover:bg-rose-950",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = "sm" | "md";

export const buttonClass = (variant: ButtonVariant = "secondary", size: ButtonSize = "md") =>
  clsx(
    "inline-flex items-center justify-center gap-1.5 rounded-lg font-medium transition",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-60",
    size === "sm" ? "px-2.5 py-1.5 text-xs" : "px-3 py-2 text-sm",
    VARIANTS[variant],
  );

export function Button({
  variant = "secondary",
  size = "md",
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type="button" {...props} className={clsx(buttonClass(variant, size), className)} />;
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
        "inline-flex size-8 items-center justify-center rounded-md text-muted transition hover:bg-surface-muted hover:text-text",
        "focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40",
        className,
      )}
    />
  );
}
