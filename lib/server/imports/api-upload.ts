// The API's upload (POST /api/v1/imports): a multipart form (file, entity,
// settings as JSON, mappingId) or a raw text/csv body, then the settings sent,
// then the dry run or the import started in the background.
import { z } from "zod";
import type { ImportEntity } from "@/lib/domain/import/fields";
import { importEntitySchema, importSettingsUpdateSchema } from "@/lib/validation/imports";
import type { Actor } from "../auth/actor";
import { AppError, validationError } from "../errors";
import { zodFields } from "../error-mapping";
import type { ImportDto } from "./dto";
import { startImport } from "./run";
import { configureImport, uploadImport } from "./upload";
import { assertImporter } from "./access";

interface Query {
  entity?: ImportEntity | undefined;
  fileName?: string | undefined;
  mappingId?: string | undefined;
  dryRun?: boolean | undefined;
}

function parsedSettings(text: string | null) {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validationError({ settings: "Send the settings as a JSON object" });
  }
  const parsed = importSettingsUpdateSchema.safeParse(json);
  if (!parsed.success) throw new AppError("VALIDATION", "Some settings are invalid", Object.fromEntries(Object.entries(zodFields(parsed.error)).map(([k, v]) => [`settings.${k}`, v])));
  return parsed.data;
}

export async function importFromRequest(actor: Actor, request: Request, query: Query): Promise<ImportDto> {
  assertImporter(actor);
  const type = request.headers.get("content-type") ?? "";
  let entity = query.entity;
  let fileName = query.fileName ?? "import.csv";
  let mappingId = query.mappingId;
  let settings: z.output<typeof importSettingsUpdateSchema> | null = null;
  let body: AsyncIterable<Uint8Array>;
  if (type.startsWith("multipart/form-data")) {
    // Note: the platform's form parser holds the file in memory (up to the 50 MB limit); text/csv streams.
    const form = await request.formData().catch(() => {
      throw new AppError("BAD_REQUEST", "The multipart body could not be read");
    });
    const file = form.get("file");
    if (!(file instanceof Blob)) throw validationError({ file: "Send the CSV in a part named file" });
    const e = importEntitySchema.safeParse(form.get("entity") ?? entity);
    if (!e.success) throw validationError({ entity: "Choose opportunity, account or contact" });
    entity = e.data;
    if (file instanceof File && file.name) fileName = file.name;
    const m = form.get("mappingId");
    if (typeof m === "string" && m) mappingId = m;
    const s = form.get("settings");
    settings = parsedSettings(typeof s === "string" ? s : null);
    body = file.stream() as unknown as AsyncIterable<Uint8Array>;
  } else if (type.startsWith("text/csv") || type.startsWith("text/plain") || type.startsWith("application/octet-stream")) {
    if (!entity) throw validationError({ entity: "Choose opportunity, account or contact (?entity=)" });
    if (!request.body) throw validationError({ file: "The body is empty" });
    body = request.body as unknown as AsyncIterable<Uint8Array>;
  } else {
    throw new AppError("BAD_REQUEST", "Send the file as multipart/form-data (part file) or as text/csv");
  }
  const uploaded = await uploadImport(actor, { entity: entity!, fileName, body, ...(mappingId ? { savedMappingId: mappingId } : {}) });
  if (settings && Object.keys(settings).length) await configureImport(actor, uploaded.id, settings);
  return startImport(actor, uploaded.id, { dryRun: query.dryRun ?? false });
}
