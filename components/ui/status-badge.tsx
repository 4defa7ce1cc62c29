import clsx from "clsx";

const STYLES = {
  OPEN: "bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-300",
  WON: "bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300",
  LOST: "bg-rose-50 text-rose-700 ring-rose-600/20 dark:bg-rose-950 dark:text-rose-300",
} as const;

const LABELS = { OPEN: "Open", WON: "Won", LOST: "Lost" } as const;

export function StatusBadge({ status }: { status: keyof typeof STYLES }) {
  return (
    <span className={clsx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", STYLES[status])}>
      {LABELS[status]}
    </span>
  );
}
