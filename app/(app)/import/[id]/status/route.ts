// GET /import/{id}/status: the import and its first rejected rows, polled by the progress bar.
import { sessionRoute } from "@/lib/api/session-route";
import { getImport, importErrors } from "@/lib/server/imports/read";

export const GET = sessionRoute<{ id: string }>(async ({ actor, params }) => {
  const [importDto, errors] = await Promise.all([getImport(actor, params.id), importErrors(actor, params.id, { limit: 100, offset: 0 })]);
  return { import: importDto, errors };
});
