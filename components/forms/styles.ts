// Shared control styles so every form in the product looks and behaves alike.
import clsx from "clsx";

/** `inline` sizes the control to its content (filter bars) instead of filling its column. */
export const inputClass = (invalid?: boolean, inline = false) =>
  clsx(
    inline ? "inline-block py-2" : "block w-full py-2",
    "rounded-lg border bg-surface px-3 text-sm shadow-sm outline-none transition placeholder:text-muted/70",
    "focus:border-accent focus:ring-2 focus:ring-accent/20 disabled:bg-surface-muted disabled:text-muted",
    invalid ? "border-danger focus:border-danger focus:ring-danger/20" : "border-border",
  );

export const buttonClass = (variant: "primary" | "secondary" | "danger" | "ghost" = "secondary") =>
  clsx(
    "inline-flex items-center justify-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium shadow-sm transition disabled:opacity-60 disabled:pointer-events-none",
    variant === "primary" && "bg-accent text-white hover:brightness-110",
    variant === "secondary" && "border border-border bg-surface hover:bg-surface-muted",
    variant === "danger" && "bg-danger text-white hover:brightness-110",
    variant === "ghost" && "shadow-none text-muted hover:bg-surface-muted hover:text-text",
  );
