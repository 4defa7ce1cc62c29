// An import as the wizard, the history page and the API show it.
import type { Import } from "@/lib/db/generated/client";
import type { ImportSettings } from "@/lib/validation/imports";
import { isoTimestamp } from "../serialize";

export const UNDO_DAYS = 7;

export interface ImportPreview {
  /** The file's first rows as read (upload). */
  sample: string[][];
  /** Whether the date format could not be told from the file (the user must pick it). */
  dateAmbiguous: boolean;
  /** After a dry run: the first rows as they will be saved. */
  rows?: { row: number; action: "create" | "update"; values: Record<string, string> }[];
  /** After a dry run: names the database does not know, by kind. */
  unknown?: Record<string, string[]>;
  /** After a dry run: what the import would do. */
  wouldCreate?: number;
  wouldUpdate?: number;
  accountsToCreate?: number;
}

export interface ImportDto {
  id: string;
  entity: string;
  fileName: string;
  fileSize: number;
  status: string;
  headers: string[];
  settings: ImportSettings;
  preview: ImportPreview | null;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  failedCount: number;
  /** Seconds left by the pace so far, while running. */
  secondsLeft: number | null;
  error: string | null;
  createdById: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  /** Until when undo is offered (finished imports that changed something). */
  undoUntil: string | null;
}

export function toImportDto(row: Import, now = Date.now()): ImportDto {
  const running = row.status === "RUNNING" || row.status === "VALIDATING" || row.status === "UNDOING";
  const elapsed = row.startedAt ? (now - row.startedAt.getTime()) / 1000 : 0;
  const secondsLeft = running && row.processedRows > 0 && row.totalRows > row.processedRows ? Math.ceil((elapsed / row.processedRows) * (row.totalRows - row.processedRows)) : null;
  const undoable = row.status === "DONE" || (row.status === "FAILED" && row.createdCount + row.updatedCount > 0);
  return {
    id: row.id,
    entity: row.entity,
    fileName: row.fileName,
    fileSize: row.fileSize,
    status: row.status,
    headers: row.headers as string[],
    settings: row.settings as ImportSettings,
    preview: (row.preview as ImportPreview | null) ?? null,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    failedCount: row.failedCount,
    secondsLeft,
    error: row.error,
    createdById: row.createdById,
    createdAt: isoTimestamp(row.createdAt)!,
    startedAt: isoTimestamp(row.startedAt),
    finishedAt: isoTimestamp(row.finishedAt),
    undoneAt: isoTimestamp(row.undoneAt),
    undoUntil: undoable && row.finishedAt ? isoTimestamp(new Date(row.finishedAt.getTime() + UNDO_DAYS * 86_400_000)) : null,
  };
}
