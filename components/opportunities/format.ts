// Display helpers for opportunity pages (dates are YYYY-MM-DD on the wire).
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}

export function formatTimestamp(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC" }) + " UTC";
}

export const daysBetween = (fromIso: string, now: Date) => Math.max(0, Math.floor((now.getTime() - new Date(fromIso).getTime()) / 86_400_000));

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Days in the current stage, and whether that is past the stage's rotting limit (open deals only). */
export function stageAge(o: { status: string; stageChangedAt: string }, rottingDays: number | null | undefined, now: Date): { days: number; rotting: boolean } {
  const days = daysBetween(o.stageChangedAt, now);
  return { days, rotting: o.status === "OPEN" && rottingDays != null && days > rottingDays };
}
