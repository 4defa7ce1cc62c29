import { createWebhook as createEndpoint, listWebhooks as listEndpoint } from "@/lib/api/endpoints/webhooks";
import { created, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { createEndpoint as createWebhook, listEndpoints } from "@/lib/server/webhooks/endpoints";

export const GET = apiRoute(listEndpoint, async ({ actor }) => ({ data: await listEndpoints(actor) }));

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const webhook = await createWebhook(actor, body);
  return created(webhook, `/api/v1/webhooks/${webhook.id}`, { ETag: versionETag(webhook.version) });
});
