import clsx from "clsx";
import { filledWith } from "@/lib/domain/color";

/** A deal's label in its admin-chosen colour, with text that reads on it (white or near-black). */
export function LabelChip({ name, color, size = "md" }: { name: string; color: string; size?: "sm" | "md" }) {
  return (
    <span className={clsx("rounded-full font-medium", size === "sm" ? "px-1.5 py-0.5 text-[10px]" : "px-2 py-0.5 text-xs")} style={filledWith(color)}>
      {name}
    </span>
  );
}
