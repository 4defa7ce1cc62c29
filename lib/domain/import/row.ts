// One CSV row read as typed values by its mapping: each mapped cell parsed by
// its field's kind (numbers in the file's style, dates in its format), blank
// cells left out. References stay as written; the import service resolves
// them. Problems name the field; the service turns fields into column names.
import type { ColumnMapping, ImportField } from "./fields";
import { parseBoolean, parseDate, parseNumber, parseInteger, parseList, parseMoney, parsePercent, type DateFormat, type MoneyCell, type NumberStyle, type Parsed } from "./values";

export type CellValue = string | number | boolean | string[] | MoneyCell;

export interface ReadRow {
  values: Map<string, CellValue>;
  problems: { field: string; message: string }[];
}

export interface ReadOptions {
  numberStyle: NumberStyle;
  dateFormat: DateFormat;
}

function readCell(field: ImportField, text: string, options: ReadOptions): Parsed<CellValue> {
  switch (field.kind) {
    case "number": {
      const n = parseNumber(text, options.numberStyle);
      return n.ok ? { ok: true, value: Number(n.value) } : n;
    }
    case "money":
      return parseMoney(text, options.numberStyle);
    case "integer":
      return parseInteger(text, options.numberStyle);
    case "percent":
      return parsePercent(text, options.numberStyle);
    case "date":
      return parseDate(text, options.dateFormat);
    case "boolean":
      return parseBoolean(text);
    case "labels":
      return { ok: true, value: parseList(text) };
    case "currency":
      return { ok: true, value: text.trim().toUpperCase() };
    default:
      // Text is kept as written (formula-looking text included: it is only ever text here,
      // and exports put the CSV-injection guard in front of it).
      return { ok: true, value: text.trim() };
  }
}

export function readRow(cells: readonly string[], mapping: ColumnMapping, fields: ReadonlyMap<string, ImportField>, options: ReadOptions): ReadRow {
  const values = new Map<string, CellValue>();
  const problems: ReadRow["problems"] = [];
  mapping.forEach((key, i) => {
    if (key === null) return;
    const field = fields.get(key);
    const text = cells[i] ?? "";
    if (!field || text.trim() === "") return;
    const parsed = readCell(field, text, options);
    if (parsed.ok) values.set(key, parsed.value);
    else problems.push({ field: key, message: parsed.message });
  });
  return { values, problems };
}

/** The host of a website cell, for matching accounts by domain: "https://www.Acme.com/x" is "acme.com". */
export function domainOf(website: string): string | null {
  const m = /^(?:[a-z]+:\/\/)?(?:www\.)?([^/:?#\s]+)/i.exec(website.trim());
  return m ? m[1].toLowerCase() : null;
}

/** Imported history must be in the past and in order: created, then stage entered, then closed. */
export function historyProblems(h: { createdAt?: string; stageEnteredAt?: string; closedAt?: string }, today: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const key of ["createdAt", "stageEnteredAt", "closedAt"] as const) {
    if (h[key] && h[key]! > today) problems.push({ field: key, message: "Cannot be in the future" });
  }
  if (h.createdAt && h.stageEnteredAt && h.stageEnteredAt < h.createdAt) problems.push({ field: "stageEnteredAt", message: "Cannot be before the created date" });
  if (h.createdAt && h.closedAt && h.closedAt < h.createdAt) problems.push({ field: "closedAt", message: "Cannot be before the created date" });
  return problems;
}
