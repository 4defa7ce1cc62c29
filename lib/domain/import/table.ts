// The shape checks of a CSV table before any value is read: a header row with
// names, no name twice, rows as wide as the header.

export interface HeaderCheck {
  headers: string[];
  problems: string[];
}

/** Trims the names; blank ones become "Column N"; repeated names are a problem (a mapping could not tell them apart). */
export function checkHeaders(raw: readonly string[]): HeaderCheck {
  const headers = raw.map((h, i) => h.trim() || `Column ${i + 1}`);
  const problems: string[] = [];
  if (raw.length === 0 || raw.every((h) => h.trim() === "")) problems.push("The first row must name the columns");
  const first = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.toLowerCase();
    const earlier = first.get(key);
    if (earlier !== undefined) problems.push(`The column name "${h}" is used twice (columns ${earlier + 1} and ${i + 1}); rename one`);
    else first.set(key, i);
  });
  return { headers, problems };
}

/** A row's cells against the header's width: null when fine, else the message. Extra cells that are blank are tolerated. */
export function raggedRowProblem(cells: readonly string[], width: number): string | null {
  if (cells.length === width) return null;
  if (cells.length > width && cells.slice(width).every((c) => c.trim() === "")) return null;
  return `This row has ${cells.length} cell${cells.length === 1 ? "" : "s"}; the header has ${width}`;
}

/** A row with nothing in it (Excel leaves some at the end). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === "");
