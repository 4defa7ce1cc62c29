// Step 1 and 2 of an import: the file is stored as it arrives (refused when
// empty, binary, over 50 MB, over 100,000 rows, header-only or with repeated
// column names; nothing is kept of a file that cannot be read), then read once
// to guess how it is written (encoding, delimiter, decimals, dates) and which
// field each column fills. The user corrects any of it (configureImport).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { guessDelimiter, guessNewline } from "@/lib/domain/import/dialect";
import { decodeAll, guessEncoding, looksBinary } from "@/lib/domain/import/encoding";
import { mappingProblems, suggestMapping, type ColumnMapping, type ImportEntity } from "@/lib/domain/import/fields";
import { checkHeaders } from "@/lib/domain/import/table";
import { suggestDateFormat, suggestNumberStyle } from "@/lib/domain/import/values";
import { importSettingsSchema, importSettingsUpdateSchema, MATCH_KEYS_OF, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportSettings } from "@/lib/validation/imports";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { activeCustomFieldDefinitions } from "../custom-fields/definitions";
import { AppError } from "../errors";
import { assertImporter, importFor } from "./access";
import { csvRows } from "./csv-read";
import { toImportDto, type ImportDto, type ImportPreview } from "./dto";
import { rechunked, storeChunk, storedChunks } from "./file";

const SAMPLE_ROWS = 20;
/** Rows whose cells suggest the number style and date format. */
const STYLE_ROWS = 500;

const fileError = (message: string) => new AppError("VALIDATION", message, { file: message });

export async function customFieldInfo() {
  return (await activeCustomFieldDefinitions()).map((d) => ({ key: d.key, label: d.label, type: d.type, required: d.required }));
}

interface Analysis {
  headers: string[];
  sample: string[][];
  totalRows: number;
  styleCells: string[];
}

/** Reads the stored file once: its header, first rows, row count, and cells that tell how numbers and dates are written. */
async function analyze(importId: string, settings: Pick<ImportSettings, "encoding" | "delimiter" | "newline">): Promise<Analysis> {
  let headers: string[] | null = null;
  const sample: string[][] = [];
  const styleCells: string[] = [];
  let totalRows = 0;
  for await (const { cells } of csvRows(storedChunks(importId), settings)) {
    if (!headers) {
      const check = checkHeaders(cells);
      if (check.problems.length) throw fileError(check.problems.join("; "));
      headers = check.headers;
      continue;
    }
    totalRows++;
    if (totalRows > MAX_IMPORT_ROWS) throw fileError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it`);
    if (sample.length < SAMPLE_ROWS) sample.push(cells);
    if (totalRows <= STYLE_ROWS) for (const c of cells) if (/\d/.test(c) && c.length < 40) styleCells.push(c);
  }
  if (!headers) throw fileError("The file is empty");
  if (totalRows === 0) throw fileError("The file has a header row but no data rows");
  return { headers, sample, totalRows, styleCells };
}

/**
 * Stores the upload and makes the import's first guesses. `body` is read as
 * it streams; the file is refused past 50 MB without reading further.
 * `savedMappingId`: reuse a saved mapping for the columns it names.
 */
export async function uploadImport(actor: Actor, upload: { entity: ImportEntity; fileName: string; body: AsyncIterable<Uint8Array>; savedMappingId?: string }): Promise<ImportDto> {
  assertImporter(actor);
  const fileName = upload.fileName.trim().slice(0, 200) || "import.csv";
  const created = await prisma().import.create({
    data: { entity: upload.entity, fileName, fileSize: 0, headers: [], settings: {}, status: "UPLOADING", createdById: actor.id },
    select: { id: true },
  });
  const id = created.id;
  try {
    let size = 0;
    let seq = 0;
    let first: Uint8Array | null = null;
    for await (const chunk of rechunked(upload.body)) {
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) throw fileError("The file is larger than 50 MB; split it");
      if (seq === 0) {
        first = chunk;
        if (looksBinary(chunk.subarray(0, 64 * 1024))) throw fileError("This is not a CSV file (it looks like a binary file); save it as CSV first");
      }
      await storeChunk(id, seq++, chunk);
    }
    if (!first || decodeAll(first.subarray(0, 64), "utf-8").replace(/^\uFEFF/, "").trim() === "") throw fileError("The file is empty");
    const head = first.subarray(0, 64 * 1024);
    const { encoding } = guessEncoding(head);
    const text = decodeAll(head, encoding);
    const dialect = { encoding, delimiter: guessDelimiter(text), newline: guessNewline(text) };
    const analysis = await analyze(id, dialect);
    const custom = upload.entity === "opportunity" ? await customFieldInfo() : [];
    let mapping: ColumnMapping = suggestMapping(upload.entity, analysis.headers, custom);
    if (upload.savedMappingId) mapping = await applySavedMapping(actor, upload.savedMappingId, upload.entity, analysis.headers, mapping);
    const dates = suggestDateFormat(analysis.styleCells);
    const settings: ImportSettings = {
      ...dialect,
      mapping,
      numberStyle: suggestNumberStyle(analysis.styleCells) ?? (dialect.delimiter === ";" ? "comma" : "dot"),
      dateFormat: dates.format ?? "YMD",
      mode: "create",
      matchBy: MATCH_KEYS_OF[upload.entity][0],
      createMissing: false,
      references: {},
    };
    const preview: ImportPreview = { sample: analysis.sample, dateAmbiguous: dates.ambiguous };
    const row = await prisma().import.update({
      where: { id },
      data: { fileSize: size, headers: analysis.headers, settings: settings as unknown as Prisma.InputJsonObject, preview: preview as unknown as Prisma.InputJsonObject, totalRows: analysis.totalRows, status: "UPLOADED" },
    });
    return toImportDto(row);
  } catch (error) {
    // Nothing is kept of a file that cannot be read.
    await prisma().import.delete({ where: { id } }).catch(() => undefined);
    throw error;
  }
}

async function applySavedMapping(actor: Actor, mappingId: string, entity: ImportEntity, headers: string[], suggested: ColumnMapping): Promise<ColumnMapping> {
  const saved = await prisma().importMapping.findFirst({ where: { id: mappingId, createdById: actor.id, entity } });
  if (!saved) throw new AppError("VALIDATION", "Unknown saved mapping", { mappingId: "Choose one of your saved mappings for this kind of record" });
  const columns = saved.columns as Record<string, string | null>;
  return headers.map((h, i) => (Object.hasOwn(columns, h) ? columns[h] : suggested[i]));
}

/** The wizard's corrections: encoding or delimiter (the file is read again), mapping, formats, matching, references. */
export async function configureImport(actor: Actor, id: string, changes: z.output<typeof importSettingsUpdateSchema>): Promise<ImportDto> {
  const row = await importFor(actor, id);
  if (row.createdById !== actor.id) throw new AppError("FORBIDDEN", "Only who uploaded the file can change its import");
  if (row.status !== "UPLOADED" && row.status !== "VALIDATED") throw new AppError("CONFLICT", "This import has started; its settings can no longer change");
  const current = row.settings as ImportSettings;
  const settings = importSettingsSchema.parse({ ...current, ...changes });
  const entity = row.entity as ImportEntity;
  const data: Prisma.ImportUpdateInput = { status: "UPLOADED" };
  let headers = row.headers as string[];
  if (settings.encoding !== current.encoding || settings.delimiter !== current.delimiter) {
    // Read with the user's choice; the columns may differ, so the mapping is suggested again.
    const analysis = await analyze(id, settings);
    headers = analysis.headers;
    if (!changes.mapping) settings.mapping = suggestMapping(entity, headers, entity === "opportunity" ? await customFieldInfo() : []);
    data.headers = headers;
    data.totalRows = analysis.totalRows;
    data.preview = { sample: analysis.sample, dateAmbiguous: suggestDateFormat(analysis.styleCells).ambiguous } as unknown as Prisma.InputJsonObject;
  } else if (row.preview) {
    // The dry run's findings no longer hold.
    const { sample, dateAmbiguous } = row.preview as unknown as ImportPreview;
    data.preview = { sample, dateAmbiguous } as unknown as Prisma.InputJsonObject;
  }
  if (settings.mapping.length !== headers.length) {
    throw new AppError("VALIDATION", "The mapping must name a field (or none) for each column", { mapping: `Give ${headers.length} entries, one per column` });
  }
  checkMapping(entity, settings, await customFieldInfo());
  data.settings = settings as unknown as Prisma.InputJsonObject;
  return toImportDto(await prisma().import.update({ where: { id }, data }));
}

/** A mapping the import can run with: known fields, none twice, the required ones there, the match key mapped. */
export function checkMapping(entity: ImportEntity, settings: ImportSettings, custom: Awaited<ReturnType<typeof customFieldInfo>>): void {
  const problems = mappingProblems(entity, settings.mapping, entity === "opportunity" ? custom : [], settings.mode === "update");
  const allowed: readonly string[] = MATCH_KEYS_OF[entity];
  if (!allowed.includes(settings.matchBy)) problems.push(`Match ${entity === "opportunity" ? "opportunities" : `${entity}s`} by ${allowed.join(" or ")}`);
  const matchField = settings.matchBy === "domain" ? "website" : settings.matchBy;
  if (settings.mode !== "create" && !settings.mapping.includes(matchField)) problems.push(`Map a column to ${matchField} to find the records to update`);
  if (problems.length) throw new AppError("VALIDATION", problems.join("; "), { mapping: problems.join("; ") });
}
