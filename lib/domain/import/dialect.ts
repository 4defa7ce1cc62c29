// Which character separates the columns. Excel writes commas, or semicolons
// where the comma is the decimal separator (most of continental Europe);
// exports from other tools sometimes use tabs or pipes. The separator chosen
// is the one that splits the sample's first lines into the same number of
// columns, most columns winning; quoted text is respected.
import Papa from "papaparse";

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** Lines of the sample that are looked at (the last, possibly cut, line is dropped). */
const SAMPLE_LINES = 50;

export function guessDelimiter(sample: string): Delimiter {
  const cut = sample.lastIndexOf("\n");
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  let best: { delimiter: Delimiter; score: number } = { delimiter: ",", score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_LINES, skipEmptyLines: "greedy" }).data;
    if (rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    const consistent = rows.filter((r) => r.length === width).length / rows.length;
    // Consistency first, then width; ties keep the earlier (more common) delimiter.
    const score = consistent * 1000 + Math.min(width, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export const NEWLINES = ["\r\n", "\n", "\r"] as const;
export type Newline = (typeof NEWLINES)[number];

/** The line ending of the first line break outside quotes ("\r\n" from Excel and papaparse, "\n" elsewhere). */
export function guessNewline(sample: string): Newline {
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\r") return sample[i + 1] === "\n" ? "\r\n" : "\r";
    else if (!quoted && c === "\n") return "\n";
  }
  return "\n";
}
