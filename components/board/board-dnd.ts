// Pure helpers of the board's drag and drop: which droppable the pointer (or
// the keyboard-moved card) is over, and where in a column a drop lands.
import { closestCenter, closestCorners, pointerWithin, type CollisionDetection, type DroppableContainer } from "@dnd-kit/core";

export type DropData = { type: "card" | "column" | "zone"; stageId: string };

export const dropData = (container: { data: { current?: unknown } } | null | undefined): DropData | null =>
  (container?.data.current as DropData | undefined) ?? null;

/**
 * Pointer: a zone wins, then the card under the pointer, then the card
 * closest to the pointer inside the column it is over (gaps between cards),
 * then the column itself. Keyboard (no pointer): the closest droppable.
 */
export const boardCollision: CollisionDetection = (args) => {
  if (!args.pointerCoordinates) return closestCorners(args);
  const hits = pointerWithin(args);
  const kind = (id: string | number) => dropData(args.droppableContainers.find((c) => c.id === id))?.type;
  const zone = hits.find((h) => kind(h.id) === "zone");
  if (zone) return [zone];
  const card = hits.find((h) => kind(h.id) === "card");
  if (card) return [card];
  const column = hits.find((h) => kind(h.id) === "column");
  if (!column) return [];
  const stageId = dropData(args.droppableContainers.find((c) => c.id === column.id))!.stageId;
  const cards: DroppableContainer[] = args.droppableContainers.filter((c) => {
    const d = dropData(c);
    return d?.type === "card" && d.stageId === stageId && c.id !== args.active.id;
  });
  const nearest = cards.length ? closestCenter({ ...args, droppableContainers: cards }) : [];
  return nearest.length ? [nearest[0]] : [column];
};

/** Whether the dragged card's centre is below the centre of the card it is over. */
export function isBelow(active: { top: number; height: number } | null | undefined, over: { top: number; height: number }): boolean {
  if (!active) return false;
  return active.top + active.height / 2 > over.top + over.height / 2;
}
