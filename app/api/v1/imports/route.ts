import { createImport as createEndpoint } from "@/lib/api/endpoints/imports";
import { created } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { importFromRequest } from "@/lib/server/imports/api-upload";

export const POST = apiRoute(createEndpoint, async ({ actor, query, request }) => {
  const started = await importFromRequest(actor, request, query);
  return created(started, `/api/v1/imports/${started.id}`);
});
