// Reading imports: one by id, the history, the rejected rows (as JSON for
// the wizard and the API, as CSV to download: the file's own columns plus an
// "error" column, cells guarded against spreadsheet formulas), saved mappings.
import Papa from "papaparse";
import { prisma } from "@/lib/db";
import type { ImportEntity } from "@/lib/domain/import/fields";
import type { ImportMappingSaveInput } from "@/lib/validation/imports";
import type { Actor } from "../auth/actor";
import { safeCell } from "../opportunities/list/export";
import { assertImporter, importFor } from "./access";
import { toImportDto, type ImportDto } from "./dto";

export async function getImport(actor: Actor, id: string): Promise<ImportDto> {
  return toImportDto(await importFor(actor, id));
}

export async function listImports(actor: Actor, limit = 50): Promise<ImportDto[]> {
  assertImporter(actor);
  const rows = await prisma().import.findMany({ where: { status: { not: "UPLOADING" } }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((r) => toImportDto(r));
}

export interface RowErrorDto {
  row: number;
  column: string | null;
  message: string;
}

/** The latest pass's problems: the import's once it ran, else the dry run's. */
async function passOf(id: string, status: string): Promise<string> {
  return status === "UPLOADED" || status === "VALIDATING" || status === "VALIDATED" ? "dry" : "run";
}

export async function importErrors(actor: Actor, id: string, page: { limit: number; offset: number }): Promise<{ data: RowErrorDto[]; total: number }> {
  const row = await importFor(actor, id);
  const where = { importId: id, pass: await passOf(id, row.status) };
  const [data, total] = await Promise.all([
    prisma().importRowError.findMany({ where, orderBy: [{ row: "asc" }, { id: "asc" }], skip: page.offset, take: page.limit, select: { row: true, column: true, message: true } }),
    prisma().importRowError.count({ where }),
  ]);
  return { data, total };
}

/** The rejected rows as CSV, streamed page by page (a file of 100,000 bad rows never sits in memory). */
export async function importErrorsCsv(actor: Actor, id: string): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const row = await importFor(actor, id);
  const pass = await passOf(id, row.status);
  const headers = row.headers as string[];
  const encoder = new TextEncoder();
  let after = 0;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([["row", ...headers, "error"]])}\r\n`));
        return;
      }
      // One line per rejected row, its problems joined, keyset-paged by row number.
      const rows = await prisma().$queryRaw<{ row: number; cells: string[]; error: string }[]>`
        SELECT "row", (array_agg("cells" ORDER BY "id"))[1] AS "cells",
          string_agg(COALESCE("column" || ': ', '') || "message", '; ' ORDER BY "id") AS "error"
        FROM "ImportRowError" WHERE "importId" = ${id} AND "pass" = ${pass} AND "row" > ${after}::int
        GROUP BY "row" ORDER BY "row" LIMIT 500`;
      if (rows.length === 0) {
        controller.close();
        return;
      }
      after = rows[rows.length - 1].row;
      const lines = rows.map((e) => [String(e.row), ...headers.map((_, i) => e.cells[i] ?? ""), e.error].map(safeCell));
      controller.enqueue(encoder.encode(`${Papa.unparse(lines)}\r\n`));
    },
  });
  return { fileName: `${row.fileName.replace(/\.csv$/i, "")}-rejected`, body };
}

export async function listSavedMappings(actor: Actor, entity: ImportEntity) {
  assertImporter(actor);
  return prisma().importMapping.findMany({ where: { createdById: actor.id, entity }, orderBy: { name: "asc" }, select: { id: true, name: true, entity: true, columns: true } });
}

/** Saves (or replaces, by name) a mapping of header names to fields. */
export async function saveMapping(actor: Actor, input: ImportMappingSaveInput) {
  assertImporter(actor);
  return prisma().importMapping.upsert({
    where: { createdById_entity_name: { createdById: actor.id, entity: input.entity, name: input.name } },
    update: { columns: input.columns },
    create: { name: input.name, entity: input.entity, columns: input.columns, createdById: actor.id },
    select: { id: true, name: true, entity: true, columns: true },
  });
}
