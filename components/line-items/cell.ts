// The editor's compact cell controls: one look for every input of a line,
// numbers right-aligned in tabular figures.
import clsx from "clsx";

export const cellInput = (invalid?: boolean, numeric = false) =>
  clsx(
    "block w-full rounded-md border bg-surface px-2 py-1.5 text-sm outline-none transition placeholder:text-muted/60",
    "focus:border-accent focus:ring-2 focus:ring-accent/20 disabled:bg-surface-muted read-only:bg-surface-muted/50",
    numeric && "text-right tabular",
    invalid ? "border-danger focus:border-danger focus:ring-danger/20" : "border-border",
  );

/**
 * The grid of a line and of the header, by the editor's own width: stacked
 * (phones), two rows from 48rem (product, billing, total and actions above the
 * numbers), one row from 64rem.
 */
export const LINE_GRID =
  "grid grid-cols-6 gap-x-2 gap-y-2 @3xl:grid-cols-12 @5xl:grid-cols-[1.5rem_minmax(12rem,1fr)_6rem_5.5rem_4.5rem_7rem_4.5rem_7rem_7.5rem_4rem] @5xl:gap-y-0 @5xl:items-start";

const ONE_ROW = "@5xl:col-span-1 @5xl:col-start-auto @5xl:row-start-auto";
const TOP_ROW = "@3xl:row-start-1";

/** Where each cell sits in the three layouts. */
export const CELL = {
  handle: `col-span-1 ${TOP_ROW} ${ONE_ROW}`,
  name: `col-span-5 ${TOP_ROW} ${ONE_ROW}`,
  code: `col-span-2 @3xl:col-start-2 ${ONE_ROW}`,
  field: `col-span-2 ${ONE_ROW}`,
  billing: `col-span-2 ${TOP_ROW} ${ONE_ROW}`,
  total: `col-span-4 @3xl:col-span-2 ${TOP_ROW} ${ONE_ROW}`,
  actions: `col-span-2 ${TOP_ROW} ${ONE_ROW}`,
};
