import { createApiKey as createEndpoint, listApiKeys as listEndpoint } from "@/lib/api/endpoints/api-keys";
import { created } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { createApiKey, listApiKeys } from "@/lib/server/api-keys/manage";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => ({ data: await listApiKeys(actor, query.scope) }));

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const result = await createApiKey(actor, body);
  return created(result, `/api/v1/api-keys/${result.key.id}`);
});
