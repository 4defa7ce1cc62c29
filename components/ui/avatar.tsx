import clsx from "clsx";

// White initials read at 4.5:1 or more on each (tests/unit/color.test.ts checks these hex values).
export const AVATAR_COLORS = { "bg-indigo-600": "#4f46e5", "bg-emerald-700": "#047857", "bg-amber-700": "#b45309", "bg-rose-700": "#be123c", "bg-sky-700": "#0369a1", "bg-violet-700": "#6d28d9", "bg-teal-700": "#0f766e" };
const PALETTE = Object.keys(AVATAR_COLORS);

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

function colorFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

export function Avatar({ name, size = "md" }: { name: string; size?: "sm" | "md" }) {
  return (
    <span
      title={name}
      aria-hidden="true"
      className={clsx(
        "inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white",
        colorFor(name),
        size === "sm" ? "size-6 text-[10px]" : "size-8 text-xs",
      )}
    >
      {initials(name)}
    </span>
  );
}
