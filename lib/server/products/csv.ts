// CSV export and import of the catalog. Import matches rows to products by
// code: new codes are created, known ones updated; every row is checked
// first and one bad row stops the whole file (nothing half-imported), with
// each problem named by row and column.
import Papa from "papaparse";
import type { z } from "zod";
import { productCreateSchema, type ProductCreateInput } from "@/lib/validation/products";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { safeCell } from "../opportunities/list/export";
import { adminTransaction, assertAdmin } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { insertProduct, productsForExport } from "./write";

export const PRODUCT_CSV_COLUMNS = ["code", "name", "description", "unit", "unitPrice", "currency", "group", "billing", "active"] as const;
const REQUIRED = ["code", "name", "unitPrice", "currency"] as const;
export const MAX_IMPORT_ROWS = 5000;

export async function exportProductsCsv(actor: Actor): Promise<string> {
  assertAdmin(actor);
  const rows = await productsForExport();
  return Papa.unparse({
    fields: [...PRODUCT_CSV_COLUMNS],
    data: rows.map((p) =>
      [p.code, p.name, p.description ?? "", p.unit, p.unitPrice.toFixed(2), p.currencyCode, p.group ?? "", p.billing, p.active ? "yes" : "no"].map(safeCell),
    ),
  });
}

const BOOLEAN: Record<string, boolean> = { yes: true, y: true, true: true, "1": true, active: true, no: false, n: false, false: false, "0": false, archived: false, inactive: false };

/** One CSV row as the create schema's input; blank cells mean "the default". */
function rowInput(row: Record<string, string>): Record<string, unknown> {
  const cell = (k: string) => (row[k] ?? "").trim();
  const input: Record<string, unknown> = { code: cell("code"), name: cell("name"), unitPrice: cell("unitPrice").replace(/,/g, ""), currency: cell("currency") };
  if (cell("description")) input.description = cell("description");
  if (cell("unit")) input.unit = cell("unit");
  if (cell("group")) input.group = cell("group");
  if (cell("billing")) input.billing = cell("billing").toUpperCase().replace(/[\s-]+/g, "_");
  if (cell("active")) input.active = BOOLEAN[cell("active").toLowerCase()] ?? cell("active");
  return input;
}

export interface ImportResult {
  created: number;
  updated: number;
}

function parseRows(csv: string): ProductCreateInput[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !headers.includes(c));
  if (missing.length) throw new AppError("VALIDATION", `The file needs the columns ${missing.join(", ")}`, { csv: `Missing columns: ${missing.join(", ")}` });
  if (parsed.data.length === 0) throw new AppError("VALIDATION", "The file has no rows", { csv: "No rows to import" });
  if (parsed.data.length > MAX_IMPORT_ROWS) throw new AppError("VALIDATION", `Import at most ${MAX_IMPORT_ROWS} rows at a time`, { csv: "Too many rows" });
  const fields: Record<string, string> = {};
  const inputs: ProductCreateInput[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((row, i) => {
    const line = i + 2; // the header is line 1
    const result = (productCreateSchema as z.ZodType<ProductCreateInput>).safeParse(rowInput(row));
    if (!result.success) {
      for (const issue of result.error.issues) fields[`rows.${line}.${issue.path.join(".") || "_row"}`] ??= issue.message;
      return;
    }
    const key = result.data.code.toLowerCase();
    if (seen.has(key)) fields[`rows.${line}.code`] = `Code ${result.data.code} is also on row ${seen.get(key)}`;
    seen.set(key, line);
    inputs.push(result.data);
  });
  const problems = Object.keys(fields).length;
  if (problems) throw new AppError("VALIDATION", `${problems} problem${problems === 1 ? "" : "s"} in the file; nothing was imported`, fields);
  return inputs;
}

export async function importProductsCsv(actor: Actor, csv: string): Promise<ImportResult> {
  assertAdmin(actor);
  const inputs = parseRows(csv);
  return adminTransaction(actor, async (tx) => {
    const currencies = new Set((await tx.currency.findMany({ select: { code: true } })).map((c) => c.code));
    const unknown = inputs.flatMap((p, i) => (currencies.has(p.currency) ? [] : [[`rows.${i + 2}.currency`, `${p.currency} is not in the currency table`]]));
    if (unknown.length) throw new AppError("VALIDATION", `${unknown.length} unknown currenc${unknown.length === 1 ? "y" : "ies"}; nothing was imported`, Object.fromEntries(unknown));
    const existing = new Map((await tx.product.findMany({ select: { id: true, code: true } })).map((p) => [p.code.toLowerCase(), p.id]));
    let created = 0;
    let updated = 0;
    for (const p of inputs) {
      const id = existing.get(p.code.toLowerCase());
      if (id) {
        await tx.product.update({
          where: { id },
          data: { code: p.code, name: p.name, description: p.description ?? null, unit: p.unit, unitPrice: p.unitPrice, currencyCode: p.currency, group: p.group ?? null, billing: p.billing, active: p.active, version: { increment: 1 } },
        });
        updated++;
      } else {
        await insertProduct(tx, p);
        created++;
      }
    }
    await writeAudit(tx, actor, { action: "product.import", entity: "Product", after: { created, updated } });
    return { created, updated };
  }, 120_000);
}
