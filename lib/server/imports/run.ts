// Steps 5 and 6: the dry run and the import, both as background jobs (the
// request that starts one returns at once). Rows stream from the stored file;
// each row is built by rows.ts and, for the import, written through the
// entity's own service (createOpportunity, updateAccount, ...), so validators,
// rules, events and messages are those of the forms and the API. Each record
// is written atomically by its service; an invalid row never stops the others
// and never leaves half a record. Progress, counts and rejected rows are saved
// every BATCH rows; the Import row is what the progress bar polls.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { customImportFields, fieldsOf, type ImportEntity, type ImportField } from "@/lib/domain/import/fields";
import { raggedRowProblem } from "@/lib/domain/import/table";
import type { ImportSettings } from "@/lib/validation/imports";
import type { OpportunityCreateInput, OpportunityUpdateInput } from "@/lib/validation/opportunity";
import type { AccountCreateInput } from "@/lib/validation/account";
import type { ContactCreateInput } from "@/lib/validation/contact";
import { loadActiveActor, type Actor } from "../auth/actor";
import { createAccount, updateAccount } from "../accounts/write";
import { toAccountDto } from "../accounts/dto";
import { createContact, updateContact } from "../contacts/write";
import { toContactDto } from "../contacts/dto";
import { writeAudit } from "../audit/write";
import { AppError } from "../errors";
import { toAppError } from "../error-mapping";
import { enqueueJobs } from "../jobs/enqueue";
import { createOpportunity } from "../opportunities/write/create";
import { updateOpportunity } from "../opportunities/write/update";
import { getOpportunity } from "../opportunities/read/get";
import { importFor } from "./access";
import { csvRows } from "./csv-read";
import { toImportDto, type ImportDto, type ImportPreview } from "./dto";
import { storedChunks } from "./file";
import { findMatch, matchField } from "./match";
import { loadResolver } from "./references";
import { buildRow, fieldOfPath, type RowProblem } from "./rows";
import { checkMapping, customFieldInfo } from "./upload";

export const IMPORT_JOB = "import.run";
const BATCH = 100;
const PREVIEW_ROWS = 20;
const UNKNOWN_LISTED = 50;

export interface ImportJobPayload {
  importId: string;
  dryRun: boolean;
}

/** Starts the dry run or the import in the background; returns the import as queued. */
export async function startImport(actor: Actor, id: string, options: { dryRun: boolean }): Promise<ImportDto> {
  const row = await importFor(actor, id);
  if (row.createdById !== actor.id) throw new AppError("FORBIDDEN", "Only who uploaded the file can start its import");
  if (row.status !== "UPLOADED" && row.status !== "VALIDATED") throw new AppError("CONFLICT", row.status === "QUEUED" || row.status === "RUNNING" ? "This import is already running" : "This import has already run");
  checkMapping(row.entity as ImportEntity, row.settings as ImportSettings, await customFieldInfo());
  const status = options.dryRun ? "VALIDATING" : "QUEUED";
  const updated = await prisma().$transaction(async (tx) => {
    // The status moves only from the state read: two clicks start one job.
    const moved = await tx.import.updateMany({ where: { id, status: row.status }, data: { status, processedRows: 0, failedCount: 0, createdCount: 0, updatedCount: 0, startedAt: null, finishedAt: null, error: null } });
    if (moved.count === 0) throw new AppError("CONFLICT", "This import is already running");
    await tx.importRowError.deleteMany({ where: { importId: id, pass: options.dryRun ? "dry" : "run" } });
    await enqueueJobs([{ kind: IMPORT_JOB, payload: { importId: id, dryRun: options.dryRun } satisfies ImportJobPayload, groupKey: `import:${id}` }], tx);
    return tx.import.findUniqueOrThrow({ where: { id } });
  });
  return toImportDto(updated);
}

function allFields(entity: ImportEntity, custom: Awaited<ReturnType<typeof customFieldInfo>>): Map<string, ImportField> {
  return new Map([...fieldsOf(entity), ...(entity === "opportunity" ? customImportFields(custom) : [])].map((f) => [f.key, f]));
}

interface Counters {
  processed: number;
  created: number;
  updated: number;
  failed: number;
}

interface ErrorRow {
  row: number;
  column: string | null;
  message: string;
  cells: string[];
}

/** The job: a dry run (validation and preview) or the import, resumable after a graceful stop. */
export async function runImportJob(payload: ImportJobPayload, signal: AbortSignal): Promise<void> {
  const row = await prisma().import.findUnique({ where: { id: payload.importId } });
  if (!row) return;
  const expected = payload.dryRun ? "VALIDATING" : "QUEUED";
  if (row.status === "RUNNING" && !payload.dryRun) {
    // A previous attempt died between two saves of its progress: rows after the last save may be
    // written without being counted, so running on could write them twice. Stop; undo still works.
    await prisma().import.update({ where: { id: row.id }, data: { status: "FAILED", finishedAt: new Date(), error: `The import stopped unexpectedly after row ${row.processedRows + 1}; undo it, or import the remaining rows from a new file` } });
    return;
  }
  if (row.status !== expected) return;
  const actor = await loadActiveActor(row.createdById);
  const settings = row.settings as ImportSettings;
  const entity = row.entity as ImportEntity;
  if (!actor || (actor.role !== "ADMIN" && actor.role !== "MANAGER")) {
    await prisma().import.update({ where: { id: row.id }, data: { status: "FAILED", finishedAt: new Date(), error: "Its uploader can no longer import" } });
    return;
  }
  const resumeAfter = payload.dryRun ? 0 : row.processedRows;
  const counters: Counters = payload.dryRun ? { processed: 0, created: 0, updated: 0, failed: 0 } : { processed: row.processedRows, created: row.createdCount, updated: row.updatedCount, failed: row.failedCount };
  await prisma().import.update({ where: { id: row.id }, data: { status: payload.dryRun ? "VALIDATING" : "RUNNING", startedAt: row.startedAt ?? new Date() } });

  const custom = await customFieldInfo();
  const fields = allFields(entity, custom);
  const headers = row.headers as string[];
  const resolver = await loadResolver(prisma(), actor, settings, { dryRun: payload.dryRun }, (account) => recordWrite(row.id, "account", account.id, "created", null, account.updatedAt, 0));
  const matchColumn = settings.mapping.indexOf(matchField(settings));
  const today = new Date().toISOString().slice(0, 10);
  const errors: ErrorRow[] = [];
  const preview: NonNullable<ImportPreview["rows"]> = [];
  const unknown = new Map<string, Set<string>>();
  let accountsToCreate = 0;
  const pass = payload.dryRun ? "dry" : "run";

  const flush = async (status?: string, extra: Prisma.ImportUpdateInput = {}) => {
    const pending = errors.splice(0);
    await prisma().$transaction([
      ...(pending.length ? [prisma().importRowError.createMany({ data: pending.map((e) => ({ importId: row.id, pass, row: e.row, column: e.column, message: e.message, cells: e.cells })) })] : []),
      prisma().import.update({
        where: { id: row.id },
        data: { processedRows: counters.processed, failedCount: counters.failed, createdCount: payload.dryRun ? 0 : counters.created, updatedCount: payload.dryRun ? 0 : counters.updated, ...(status ? { status } : {}), ...extra },
      }),
    ]);
  };

  const reject = (rowNumber: number, cells: string[], problems: RowProblem[]) => {
    counters.failed++;
    for (const p of problems) {
      const column = p.field === null ? null : (headers[settings.mapping.indexOf(p.field)] ?? fieldLabel(fields, p.field));
      errors.push({ row: rowNumber, column, message: p.message, cells });
      if (p.unknown) {
        const set = unknown.get(p.unknown.kind) ?? new Set<string>();
        if (set.size < UNKNOWN_LISTED) set.add(p.unknown.value);
        unknown.set(p.unknown.kind, set);
      }
    }
  };

  try {
    let dataRows = 0;
    let header = true;
    for await (const { row: rowNumber, cells } of csvRows(storedChunks(row.id), settings)) {
      if (header) {
        header = false;
        continue;
      }
      dataRows++;
      if (dataRows <= resumeAfter) continue;
      if (signal.aborted) {
        // A graceful stop: everything done is counted, the next attempt resumes after it.
        await flush(payload.dryRun ? "VALIDATING" : "QUEUED");
        throw new Error("import stopped; it resumes on the next attempt");
      }
      counters.processed++;
      const ragged = raggedRowProblem(cells, headers.length);
      if (ragged) {
        reject(rowNumber, cells, [{ field: null, message: ragged }]);
      } else {
        const outcome = await importRow(actor, entity, settings, fields, resolver, cells, matchColumn, today, payload.dryRun, row.id, rowNumber);
        if (!outcome.ok) reject(rowNumber, cells, outcome.problems);
        else {
          if (outcome.action === "create") counters.created++;
          else counters.updated++;
          accountsToCreate += outcome.accountsCreated;
          if (payload.dryRun && preview.length < PREVIEW_ROWS) preview.push({ row: rowNumber, action: outcome.action, values: outcome.display });
        }
      }
      if (counters.processed % BATCH === 0) await flush();
    }
    const finished = new Date();
    const base = (row.preview as ImportPreview | null) ?? { sample: [], dateAmbiguous: false };
    const done: Prisma.ImportUpdateInput = { finishedAt: finished, totalRows: counters.processed };
    if (payload.dryRun) {
      done.preview = {
        ...base,
        rows: preview,
        unknown: Object.fromEntries([...unknown].map(([k, v]) => [k, [...v]])),
        wouldCreate: counters.created,
        wouldUpdate: counters.updated,
        accountsToCreate,
      } as unknown as Prisma.InputJsonObject;
    }
    await flush(payload.dryRun ? "VALIDATED" : "DONE", done);
    if (!payload.dryRun) {
      await prisma().$transaction((tx) =>
        writeAudit(tx, actor, {
          action: "import.run",
          entity: "Import",
          entityId: row.id,
          after: { entity, fileName: row.fileName, rows: counters.processed, created: counters.created, updated: counters.updated, failed: counters.failed, mapping: settings.mapping, mode: settings.mode },
        }),
      );
    }
  } catch (error) {
    if (signal.aborted) throw error;
    // An unexpected failure (the database went away): save what is known and let the job retry resume.
    await flush(payload.dryRun ? "VALIDATING" : "QUEUED").catch(() => undefined);
    throw error;
  }
}

function fieldLabel(fields: Map<string, ImportField>, key: string): string {
  return fields.get(key)?.label ?? key;
}

type RowOutcome =
  | { ok: true; action: "create" | "update"; accountsCreated: number; display: Record<string, string> }
  | { ok: false; problems: RowProblem[] };

async function importRow(
  actor: Actor,
  entity: ImportEntity,
  settings: ImportSettings,
  fields: Map<string, ImportField>,
  resolver: Awaited<ReturnType<typeof loadResolver>>,
  cells: string[],
  matchColumn: number,
  today: string,
  dryRun: boolean,
  importId: string,
  rowNumber: number,
): Promise<RowOutcome> {
  const key = matchColumn >= 0 ? (cells[matchColumn] ?? "").trim() : "";
  const keyField = matchField(settings);
  let targetId: string | null = null;
  if (settings.mode !== "create" || key) {
    const match = key ? await findMatch(actor, entity, settings.matchBy, key) : { kind: "none" as const };
    if (match.kind === "refused") return { ok: false, problems: [{ field: keyField, message: match.message }] };
    if (match.kind === "found") {
      if (settings.mode === "create") return { ok: false, problems: [{ field: keyField, message: `An existing ${entity} has this ${fieldLabel(fields, keyField).toLowerCase()}; choose update or create-or-update to change it` }] };
      targetId = match.id;
    } else if (settings.mode === "update") {
      return { ok: false, problems: [{ field: keyField, message: key ? `No ${entity} has this ${fieldLabel(fields, keyField).toLowerCase()}` : `Fill in the ${fieldLabel(fields, keyField).toLowerCase()} to find the ${entity} to update` }] };
    }
  }
  const built = await buildRow(entity, cells, settings, fields, resolver, targetId !== null, today);
  if (!built.ok) return built;
  const action = targetId ? "update" : "create";
  const display = Object.fromEntries(settings.mapping.flatMap((k, i) => (k && (cells[i] ?? "").trim() ? [[fieldLabel(fields, k), (cells[i] ?? "").trim()]] : [])));
  if (dryRun) return { ok: true, action, accountsCreated: built.row.createdAccounts, display };
  try {
    await write(actor, entity, targetId, built.row.input, built.row.history, importId, rowNumber);
  } catch (error) {
    const known = toAppError(error);
    if (!known || known.code === "UNAVAILABLE" || known.code === "INTERNAL") throw error;
    const problems = known.fields && Object.keys(known.fields).length
      ? Object.entries(known.fields).map(([path, message]) => ({ field: fieldOfPath(path) as string | null, message }))
      : [{ field: null, message: known.message }];
    return { ok: false, problems };
  }
  return { ok: true, action, accountsCreated: built.row.createdAccounts, display };
}

/** What undo needs of a write: created or the previous values, and the stamp the record had right after. */
export async function recordWrite(importId: string, recordType: ImportEntity, recordId: string, action: "created" | "updated", previous: Record<string, unknown> | null, stamp: string | number, seq: number): Promise<void> {
  await prisma().importRecord.upsert({
    where: { importId_recordType_recordId: { importId, recordType, recordId } },
    // A record a file updates twice keeps its first previous values (those before the import).
    update: { stamp: String(stamp) },
    create: { importId, recordType, recordId, action, previous: previous ? (previous as Prisma.InputJsonObject) : Prisma.DbNull, stamp: String(stamp), seq },
  });
}

const pick = (source: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, source[k] ?? null]));

async function write(actor: Actor, entity: ImportEntity, targetId: string | null, input: Record<string, unknown>, history: Parameters<typeof createOpportunity>[2], importId: string, seq: number): Promise<void> {
  if (entity === "opportunity") {
    if (!targetId) {
      const created = await createOpportunity(actor, input as OpportunityCreateInput, history);
      await recordWrite(importId, entity, created.id, "created", null, created.version, seq);
      return;
    }
    const before = await getOpportunity(actor, targetId);
    const after = await updateOpportunity(actor, targetId, { ...(input as OpportunityUpdateInput), version: before.version });
    const previous = pick(before as unknown as Record<string, unknown>, Object.keys(input));
    // Odds and forecast category that followed the stage go back to following it.
    if ("probability" in previous && !before.probabilityOverridden) previous.probability = null;
    if ("forecastCategory" in previous && !before.forecastCategoryOverridden) previous.forecastCategory = null;
    await recordWrite(importId, entity, targetId, "updated", previous, after.version, seq);
    return;
  }
  if (entity === "account") {
    if (!targetId) {
      const created = await createAccount(actor, input as AccountCreateInput);
      await recordWrite(importId, entity, created.id, "created", null, created.updatedAt, seq);
      return;
    }
    const before = toAccountDto(await prisma().account.findUniqueOrThrow({ where: { id: targetId } }));
    const after = await updateAccount(actor, targetId, input, new Date(before.updatedAt));
    await recordWrite(importId, entity, targetId, "updated", pick(before as unknown as Record<string, unknown>, Object.keys(input)), after.updatedAt, seq);
    return;
  }
  if (!targetId) {
    const created = await createContact(actor, input as ContactCreateInput);
    await recordWrite(importId, entity, created.id, "created", null, created.updatedAt, seq);
    return;
  }
  const before = toContactDto(await prisma().contact.findUniqueOrThrow({ where: { id: targetId } }));
  const after = await updateContact(actor, targetId, input, new Date(before.updatedAt));
  await recordWrite(importId, entity, targetId, "updated", pick(before as unknown as Record<string, unknown>, Object.keys(input)), after.updatedAt, seq);
}
