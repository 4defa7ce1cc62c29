// Pure rules an admin's pipeline and stage edits must keep (DESIGN.md): every
// pipeline keeps at least one OPEN, one WON and one LOST stage, and a stage's
// odds follow its type.
import type { ForecastCategory, StageType } from "./stage-rules";

export const STAGE_TYPES: readonly StageType[] = ["OPEN", "WON", "LOST"];
export const OPEN_FORECAST_CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT"] as const;

const WHY: Record<StageType, string> = {
  OPEN: "an open stage, where deals in progress live",
  WON: "a won stage, where closed deals count as revenue",
  LOST: "a lost stage, where lost deals keep their reason",
};

export function missingStageTypes(stages: readonly { type: StageType }[]): StageType[] {
  return STAGE_TYPES.filter((type) => !stages.some((s) => s.type === type));
}

/** Explains why a set of stages is refused, or null when it keeps the rule. */
export function stageSetProblem(stages: readonly { type: StageType }[]): string | null {
  const missing = missingStageTypes(stages);
  if (missing.length === 0) return null;
  return `A pipeline needs at least one open, one won and one lost stage; this change would leave it without ${missing.map((t) => WHY[t]).join(" and ")}.`;
}

export interface StageOdds {
  type: StageType;
  probability: number;
  forecastCategory: ForecastCategory;
}

/** Won stages mean 100% and closed, lost ones 0% and omitted; open ones keep an open category. */
export function normalizeStageOdds(stage: StageOdds): StageOdds {
  if (stage.type === "WON") return { type: "WON", probability: 100, forecastCategory: "CLOSED" };
  if (stage.type === "LOST") return { type: "LOST", probability: 0, forecastCategory: "OMITTED" };
  const open = (OPEN_FORECAST_CATEGORIES as readonly string[]).includes(stage.forecastCategory);
  return { type: "OPEN", probability: stage.probability, forecastCategory: open ? stage.forecastCategory : "PIPELINE" };
}

/** True when `proposed` holds exactly the ids of `current`, each once (a reorder, nothing added or lost). */
export function isPermutation(current: readonly string[], proposed: readonly string[]): boolean {
  if (current.length !== proposed.length) return false;
  const set = new Set(proposed);
  return set.size === proposed.length && current.every((id) => set.has(id));
}

/** Where a new stage goes: after `afterId` when given, else after the last open stage. */
export function insertionIndex(stages: readonly { id: string; type: StageType }[], afterId: string | null, type: StageType): number {
  if (afterId) {
    const at = stages.findIndex((s) => s.id === afterId);
    if (at >= 0) return at + 1;
  }
  if (type !== "OPEN") return stages.length;
  let lastOpen = -1;
  stages.forEach((s, i) => {
    if (s.type === "OPEN") lastOpen = i;
  });
  return lastOpen + 1;
}

/** Aligns a date to the first day of its quota period (UTC). */
export function periodStartOf(period: "MONTH" | "QUARTER" | "YEAR", date: Date): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (period === "YEAR") return new Date(Date.UTC(y, 0, 1));
  if (period === "QUARTER") return new Date(Date.UTC(y, m - (m % 3), 1));
  return new Date(Date.UTC(y, m, 1));
}

/** `ids` with `id` taken out and put back at `position` (clamped to the list), for a reorder. */
export function movedTo(ids: readonly string[], id: string, position: number): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
