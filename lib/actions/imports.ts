"use server";

// The import wizard's actions: the same services as /api/v1/imports.
import { serverAction } from "@/lib/server/action";
import { saveMapping } from "@/lib/server/imports/read";
import { startImport } from "@/lib/server/imports/run";
import { undoImport } from "@/lib/server/imports/undo";
import { configureImport } from "@/lib/server/imports/upload";
import { importConfigureSchema, importIdSchema, importMappingSaveSchema, importStartSchema } from "@/lib/validation/imports";

export const configureImportAction = serverAction(importConfigureSchema, (actor, { id, settings }) => configureImport(actor, id, settings));
export const startImportAction = serverAction(importStartSchema, (actor, { id, dryRun }) => startImport(actor, id, { dryRun }));
export const undoImportAction = serverAction(importIdSchema, (actor, { id }) => undoImport(actor, id));
export const saveImportMappingAction = serverAction(importMappingSaveSchema, (actor, input) => saveMapping(actor, input));
