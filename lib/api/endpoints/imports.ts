import { z } from "zod";
import { idParams, queryBoolean } from "@/lib/validation/api-common";
import { importEntitySchema, importSettingsSchema } from "@/lib/validation/imports";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";

export const importSchema = z
  .object({
    id: z.string(),
    entity: importEntitySchema,
    fileName: z.string(),
    fileSize: z.number().int(),
    status: z.enum(["UPLOADED", "VALIDATING", "VALIDATED", "QUEUED", "RUNNING", "DONE", "FAILED", "UNDOING", "UNDONE"]),
    headers: z.array(z.string()),
    settings: importSettingsSchema,
    preview: z.unknown().nullable().describe("The first rows; after a dry run, the first 20 as they will be saved and the unknown names"),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    createdCount: z.number().int(),
    updatedCount: z.number().int(),
    failedCount: z.number().int(),
    secondsLeft: z.number().int().nullable(),
    error: z.string().nullable(),
    createdById: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    undoUntil: z.string().nullable().describe("Until when POST /imports/{id}/undo is accepted"),
  })
  .meta({ id: "Import" });

export const importCreateQuery = z.strictObject({
  entity: importEntitySchema.optional().describe("With a text/csv body: what the file holds"),
  fileName: z.string().max(200).optional(),
  mappingId: z.string().min(1).max(64).optional().describe("A saved mapping to apply to the file's headers"),
  dryRun: queryBoolean.optional().describe("true: validate only (rows listed under /errors), save nothing"),
});

export const createImport = endpoint({
  method: "post",
  path: "/imports",
  tag: "Imports",
  summary: "Import a CSV file (admins and managers)",
  description:
    "Send the file either as `multipart/form-data` with parts `file` (the CSV), `entity` (opportunity, account or contact), optionally `settings` (JSON: any field of ImportSettings, e.g. `{\"mapping\":[\"title\",null,\"stage\"],\"mode\":\"upsert\"}`) and `mappingId`; or as the raw body with `Content-Type: text/csv` and `?entity=`. Encoding, delimiter, number style, date format and mapping are guessed from the file unless sent. The import runs in the background: the answer (201) comes at once with status QUEUED (VALIDATING for `?dryRun=true`); poll GET /imports/{id}. Up to 50 MB and 100,000 rows.",
  auth: "user",
  query: importCreateQuery,
  response: importSchema,
  status: 201,
  errors: [403, 409, 422],
});

export const getImport = endpoint({
  method: "get",
  path: "/imports/{id}",
  tag: "Imports",
  summary: "An import's status and counts",
  auth: "user",
  params: idParams,
  response: importSchema,
  errors: [403, 404],
});

export const importRowErrorSchema = z.object({ row: z.number().int().describe("The header is row 1"), column: z.string().nullable(), message: z.string() }).meta({ id: "ImportRowError" });

export const listImportErrors = endpoint({
  method: "get",
  path: "/imports/{id}/errors",
  tag: "Imports",
  summary: "The rejected rows of an import (or of its dry run)",
  description: "One entry per problem, in row order. The same rows as CSV with an extra `error` column: the import page's download.",
  auth: "user",
  params: idParams,
  query: z.strictObject(pagingQuery),
  response: listEnvelope(importRowErrorSchema),
  errors: [403, 404],
});

export const undoImportEndpoint = endpoint({
  method: "post",
  path: "/imports/{id}/undo",
  tag: "Imports",
  summary: "Undo an import (within 7 days)",
  description: "Records it created are deleted, records it updated get their previous values back, in the background (status UNDOING, then UNDONE). Refused (409), naming them, when records changed since the import.",
  auth: "user",
  params: idParams,
  response: importSchema,
  errors: [403, 404, 409],
});
