import { rotateWebhookSecret as endpoint } from "@/lib/api/endpoints/webhooks";
import { ApiReply, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { rotateSecret } from "@/lib/server/webhooks/endpoints";

export const POST = apiRoute(endpoint, async ({ actor, params }) => {
  const webhook = await rotateSecret(actor, params.id);
  return new ApiReply(webhook, 200, { ETag: versionETag(webhook.version) });
});
