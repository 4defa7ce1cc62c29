// Inputs of the CSV import, shared by the wizard, its server actions, the
// API (POST /api/v1/imports) and the OpenAPI document.
import { z } from "zod";
import { DELIMITERS, NEWLINES } from "@/lib/domain/import/dialect";
import { ENCODINGS } from "@/lib/domain/import/encoding";
import { IMPORT_ENTITIES } from "@/lib/domain/import/fields";
import { DATE_FORMATS, NUMBER_STYLES } from "@/lib/domain/import/values";

export const IMPORT_MODES = ["create", "update", "upsert"] as const;
export const MATCH_KEYS = ["externalId", "email", "name", "domain"] as const;
/** Which match keys each entity offers. */
export const MATCH_KEYS_OF = { opportunity: ["externalId"], account: ["externalId", "name", "domain"], contact: ["externalId", "email"] } as const;
export const REFERENCE_KINDS = ["pipeline", "stage", "user", "account", "contact", "source", "type", "lostReason"] as const;

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

const fieldKey = z.string().min(1).max(80).nullable();

/** How to read and apply the file; the upload fills every field with its guesses, the wizard lets the user correct them. */
export const importSettingsSchema = z.strictObject({
  encoding: z.enum(ENCODINGS, { error: "Choose UTF-8 or Windows-1252" }),
  delimiter: z.enum(DELIMITERS, { error: "Choose comma, semicolon, tab or pipe" }),
  // No defaults here: the partial schema of changes must not fill in values the user did not send.
  newline: z.enum(NEWLINES),
  /** For each column (by position), the field it fills, or null to skip it. */
  mapping: z.array(fieldKey).max(500, "At most 500 columns"),
  numberStyle: z.enum(NUMBER_STYLES, { error: "Choose how decimals are written" }),
  dateFormat: z.enum(DATE_FORMATS, { error: "Choose how dates are written" }),
  mode: z.enum(IMPORT_MODES, { error: "Choose create, update or create-or-update" }),
  matchBy: z.enum(MATCH_KEYS, { error: "Choose how rows find existing records" }),
  /** Accounts named by a deal or contact row that do not exist yet are created. */
  createMissing: z.boolean(),
  /** Unknown names the user mapped to existing records: kind, then the name as written (lower case), then the id. */
  references: z.partialRecord(z.enum(REFERENCE_KINDS), z.record(z.string().max(500), z.string().min(1).max(64))),
});
export type ImportSettings = z.output<typeof importSettingsSchema>;
export type ImportSettingsInput = z.input<typeof importSettingsSchema>;

/** Changing an uploaded import's settings: any of them (the others stay). */
export const importSettingsUpdateSchema = importSettingsSchema.partial();

export const importEntitySchema = z.enum(IMPORT_ENTITIES, { error: "Choose opportunities, accounts or contacts" });

export const importIdSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const importStartSchema = z.strictObject({ id: z.string().min(1).max(64), dryRun: z.boolean({ error: "Say whether this is a dry run" }) });
export const importConfigureSchema = z.strictObject({ id: z.string().min(1).max(64), settings: importSettingsUpdateSchema });

/** A saved mapping: header names to field keys, reused for files with the same headers. */
export const importMappingSaveSchema = z.strictObject({
  name: z.string().trim().min(1, "Name the mapping").max(80, "At most 80 characters"),
  entity: importEntitySchema,
  columns: z.record(z.string().max(500), fieldKey),
});
export type ImportMappingSaveInput = z.output<typeof importMappingSaveSchema>;

/** The upload's query (the file is the request body, streamed). */
export const importUploadQuerySchema = z.strictObject({
  entity: importEntitySchema,
  fileName: z.string().trim().min(1, "Name the file").max(200).default("import.csv"),
  mappingId: z.string().min(1).max(64).optional(),
});
