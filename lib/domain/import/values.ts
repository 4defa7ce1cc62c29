// Reading a spreadsheet cell as a value: numbers written the European or the
// English way ("1.234,56", "1,234.56", "1 234,56", "1'234.56"), with a
// currency symbol or code around them ("€1.234,56", "1,234.56 USD"), dates as
// ISO, day/month/year or month/day/year (the user picks when the file leaves
// it open), yes/no cells and label lists. Pure: no I/O; every failure is a
// plain message for the row's error list.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Which character separates the decimals; the other one (and spaces, apostrophes) groups thousands. */
export const NUMBER_STYLES = ["dot", "comma"] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];

const SYMBOLS: Record<string, string> = { "€": "EUR", $: "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "R$": "BRL", "zł": "PLN", Fr: "CHF", "Kč": "CZK" };
const SPACES = /[\s\u00a0\u202f\u2009]/g;

export interface MoneyCell {
  /** A plain decimal string: digits, an optional "-" and "." ("-1234.56"). */
  amount: string;
  /** The currency the cell names (symbol or ISO code), if any. */
  currency: string | null;
}

/** Splits a currency symbol or 3-letter code off either end of the cell. */
export function splitCurrency(text: string): { rest: string; currency: string | null } {
  const t = text.trim();
  const code = /^([A-Za-z]{3})\s*(?=[-+(\d.,])|(?<=[\d.,)])\s*([A-Za-z]{3})$/.exec(t);
  if (code) {
    const found = (code[1] ?? code[2]).toUpperCase();
    return { rest: t.replace(code[0], "").trim(), currency: found };
  }
  for (const [symbol, iso] of Object.entries(SYMBOLS).sort((a, b) => b[0].length - a[0].length)) {
    if (t.startsWith(symbol)) return { rest: t.slice(symbol.length).trim(), currency: iso };
    if (t.endsWith(symbol)) return { rest: t.slice(0, -symbol.length).trim(), currency: iso };
    // "-€12" and "€-12" both occur.
    if (t.startsWith(`-${symbol}`)) return { rest: `-${t.slice(symbol.length + 1).trim()}`, currency: iso };
  }
  return { rest: t, currency: null };
}

/**
 * A number in the given style, as a plain decimal string. Thousands groups
 * must have three digits ("1,23,456" is refused: it is more likely a typo
 * than an Indian grouping).
 */
export function parseNumber(text: string, style: NumberStyle): Parsed<string> {
  let t = text.replace(SPACES, "").replace(/['’]/g, style === "dot" ? "," : ".");
  if (t === "") return fail("Enter a number");
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith("-") || t.startsWith("+")) {
    negative = negative || t.startsWith("-");
    t = t.slice(1);
  }
  const decimal = style === "dot" ? "." : ",";
  const group = style === "dot" ? "," : ".";
  const example = style === "dot" ? "1,234.56" : "1.234,56";
  const match = new RegExp(`^(\\d{1,3}(?:\\${group}\\d{3})+|\\d+)?(?:\\${decimal}(\\d+))?$`).exec(t);
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    // The other style's decimal separator is the commonest mistake: say so.
    const other = new RegExp(`^\\d+\\${group}\\d{1,2}$`).test(t);
    return fail(other ? `Write numbers like ${example} (this file uses "${decimal}" for decimals)` : `Not a number; write it like ${example}`);
  }
  const whole = (match[1] ?? "0").split(group).join("").replace(/^0+(?=\d)/, "");
  const fraction = match[2] ? `.${match[2]}` : "";
  const value = `${whole}${fraction}`;
  return ok(negative && /[1-9]/.test(value) ? `-${value}` : value);
}

/** A money cell: a number with an optional currency symbol or code. */
export function parseMoney(text: string, style: NumberStyle): Parsed<MoneyCell> {
  const { rest, currency } = splitCurrency(text);
  const n = parseNumber(rest, style);
  return n.ok ? ok({ amount: n.value, currency }) : n;
}

/** A percentage: "35", "35%", "0,35" is not taken for 35 (too risky); must be a whole number 0..100. */
export function parsePercent(text: string, style: NumberStyle): Parsed<number> {
  const n = parseNumber(text.replace(/%\s*$/, ""), style);
  if (!n.ok) return n;
  const value = Number(n.value);
  if (!Number.isInteger(value) || value < 0 || value > 100) return fail("Enter a whole percentage from 0 to 100");
  return ok(value);
}

export function parseInteger(text: string, style: NumberStyle): Parsed<number> {
  const n = parseNumber(text, style);
  if (!n.ok) return n;
  if (!/^-?\d+$/.test(n.value) || !Number.isSafeInteger(Number(n.value))) return fail("Enter a whole number");
  return ok(Number(n.value));
}

/** Counts the cells whose form settles the style ("1.234,5" or "12,5" is comma; "1,234.5" or "12.5" is dot). */
export function suggestNumberStyle(samples: Iterable<string>): NumberStyle | null {
  let dot = 0;
  let comma = 0;
  for (const sample of samples) {
    const t = splitCurrency(sample).rest.replace(SPACES, "");
    if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(t) || /^[-+]?\d+,(\d{1,2}|\d{4,})$/.test(t)) comma++;
    else if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(t) || /^[-+]?\d+\.(\d{1,2}|\d{4,})$/.test(t)) dot++;
    else if (/^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(t)) comma++;
    else if (/^[-+]?\d{1,3}(,\d{3}){2,}$/.test(t)) dot++;
  }
  if (dot === comma) return null;
  return dot > comma ? "dot" : "comma";
}

/** How dates are written: ISO (year first), day/month/year or month/day/year. */
export const DATE_FORMATS = ["YMD", "DMY", "MDY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_EXAMPLES: Record<DateFormat, string> = { YMD: "2026-12-31", DMY: "31/12/2026", MDY: "12/31/2026" };

function isoOf(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail("Not a real date between 1900 and 2999");
  return ok(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

// A time after the date (HubSpot "2026-12-31 14:05", Salesforce ISO timestamps) is accepted and dropped.
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const XXY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?$/i;

/** A date cell as YYYY-MM-DD. ISO dates are read in every format. */
export function parseDate(text: string, format: DateFormat): Parsed<string> {
  const t = text.trim();
  const iso = YMD.exec(t);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const other = XXY.exec(t);
  if (other && format !== "YMD") {
    const [a, b, y] = [Number(other[1]), Number(other[2]), Number(other[3])];
    return format === "DMY" ? isoOf(y, b, a) : isoOf(y, a, b);
  }
  return fail(`Write the date like ${DATE_FORMAT_EXAMPLES[format]}`);
}

/**
 * The format the cells settle: "YMD" when all are ISO, "DMY" when a first
 * part exceeds 12, "MDY" when a second part does; null when the file leaves
 * it open (every date has both parts up to 12) or contradicts itself: then
 * the user picks.
 */
export function suggestDateFormat(samples: Iterable<string>): { format: DateFormat | null; ambiguous: boolean } {
  let dmy = false;
  let mdy = false;
  let slashed = false;
  for (const sample of samples) {
    const m = XXY.exec(sample.trim());
    if (!m) continue;
    slashed = true;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  if (!slashed) return { format: "YMD", ambiguous: false };
  if (dmy !== mdy) return { format: dmy ? "DMY" : "MDY", ambiguous: false };
  return { format: null, ambiguous: true };
}

const TRUE = new Set(["yes", "y", "true", "1", "x", "on", "ja", "oui", "si", "sí"]);
const FALSE = new Set(["no", "n", "false", "0", "off", "nein", "non"]);

export function parseBoolean(text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail("Write yes or no");
}

/** Labels and other lists: separated by commas, semicolons or spaces; blanks and repeats dropped. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[,;\s|]+/).map((s) => s.trim()).filter(Boolean))];
}
