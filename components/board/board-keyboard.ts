// Pure rules of the board's keyboard moves. A picked-up card has a target:
// a stage and the index it would take there once it has left its old place.
// Left and right walk the stages in the order they are shown (the open
// columns, then the Won and Lost zones), empty columns included; up and down
// walk the places inside a column. The announcement counts the column as it
// will be after the drop.
import type { BoardStage } from "@/lib/server/board/board";

export interface KeyTarget {
  stageId: string;
  /** Index in the target column once the card has left its old place (0 for a closed stage). */
  index: number;
}

export type MoveKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight";

export const isMoveKey = (key: string): key is MoveKey => key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight";

/** The stages in the order the keyboard walks them: open columns, then the closed zones. */
export function slots(stages: readonly BoardStage[]): BoardStage[] {
  return [...stages.filter((s) => s.type === "OPEN"), ...stages.filter((s) => s.type !== "OPEN")];
}

/** How many loaded cards the target stage holds besides the moving card. */
function othersIn(stage: BoardStage, cardId: string): number {
  return stage.cards.filter((c) => c.id !== cardId).length;
}

export function step(stages: readonly BoardStage[], cardId: string, current: KeyTarget, key: MoveKey): KeyTarget {
  const order = slots(stages);
  const at = order.findIndex((s) => s.id === current.stageId);
  if (at < 0) return current;
  const stage = order[at];
  if (key === "ArrowUp" || key === "ArrowDown") {
    if (stage.type !== "OPEN") return current;
    const index = Math.max(0, Math.min(othersIn(stage, cardId), current.index + (key === "ArrowDown" ? 1 : -1)));
    return index === current.index ? current : { stageId: stage.id, index };
  }
  const next = order[at + (key === "ArrowRight" ? 1 : -1)];
  if (!next) return current;
  if (next.type !== "OPEN") return { stageId: next.id, index: 0 };
  return { stageId: next.id, index: Math.min(current.index, othersIn(next, cardId)) };
}

/** Position (1-based) and size of the target column after a drop there; null for a closed stage. */
export function positionOf(stages: readonly BoardStage[], cardId: string, home: KeyTarget, target: KeyTarget): { position: number; of: number } | null {
  const stage = stages.find((s) => s.id === target.stageId);
  if (!stage || stage.type !== "OPEN") return null;
  return { position: target.index + 1, of: stage.totals.count + (target.stageId === home.stageId ? 0 : 1) };
}

/** What a screen reader hears when the target changes. */
export function describeTarget(stages: readonly BoardStage[], cardId: string, title: string, home: KeyTarget, target: KeyTarget): string {
  const stage = stages.find((s) => s.id === target.stageId);
  if (!stage) return `${title} is not over a stage.`;
  if (stage.type === "WON") return `${title} is over ${stage.name}. Press Space to mark it won.`;
  if (stage.type === "LOST") return `${title} is over ${stage.name}. Press Space to mark it lost; a dialog asks why.`;
  const at = positionOf(stages, cardId, home, target)!;
  const back = target.stageId === home.stageId && target.index === home.index ? " (where it was)" : "";
  return `${title} is over ${stage.name}, position ${at.position} of ${at.of}${back}.`;
}

/**
 * Where the drop line goes in a column showing all its cards (the moving one
 * included), or null when the card would stay where it is.
 */
export function lineIndex(home: KeyTarget, target: KeyTarget): number | null {
  if (target.stageId !== home.stageId) return target.index;
  if (target.index === home.index) return null;
  return target.index < home.index ? target.index : target.index + 1;
}
