// POST /import/upload?entity=&fileName=: the wizard's upload. The file is the
// request body, read as it streams (never buffered whole), stored in pieces.
import { sessionRoute } from "@/lib/api/session-route";
import { validationError } from "@/lib/server/errors";
import { uploadImport } from "@/lib/server/imports/upload";
import { importUploadQuerySchema } from "@/lib/validation/imports";

export const POST = sessionRoute(async ({ actor, url, request }) => {
  const query = importUploadQuerySchema.parse(Object.fromEntries(url.searchParams));
  if (!request.body) throw validationError({ file: "Choose a file" }, "Choose a file");
  return uploadImport(actor, { entity: query.entity, fileName: query.fileName, body: request.body as unknown as AsyncIterable<Uint8Array>, savedMappingId: query.mappingId });
});
