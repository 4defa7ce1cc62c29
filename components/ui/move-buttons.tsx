import { ArrowDown, ArrowUp } from "lucide-react";
import { IconButton } from "./button";

/** `ids` with the one at `index` moved by `by` places. */
export function reordered(ids: string[], index: number, by: number): string[] {
  const next = [...ids];
  const [id] = next.splice(index, 1);
  next.splice(index + by, 0, id);
  return next;
}

/** Up/down buttons: the keyboard- and screen-reader-friendly way to reorder a short list. */
export function MoveButtons({ name, index, count, onMove, small = false }: { name: string; index: number; count: number; onMove: (by: number) => void; small?: boolean }) {
  const size = small ? "size-6" : undefined;
  const icon = small ? "size-3.5" : "size-4";
  return (
    <>
      <IconButton label={`Move ${name} up`} className={size} disabled={index === 0} onClick={() => onMove(-1)}>
        <ArrowUp className={icon} aria-hidden="true" />
      </IconButton>
      <IconButton label={`Move ${name} down`} className={size} disabled={index === count - 1} onClick={() => onMove(1)}>
        <ArrowDown className={icon} aria-hidden="true" />
      </IconButton>
    </>
  );
}
