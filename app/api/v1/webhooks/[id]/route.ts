import { deleteWebhook as deleteContract, getWebhook as getContract, updateWebhook as updateContract } from "@/lib/api/endpoints/webhooks";
import { ApiReply, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/lib/server/webhooks/endpoints";

export const GET = apiRoute(getContract, async ({ actor, params }) => {
  const webhook = await getEndpoint(actor, params.id);
  return new ApiReply(webhook, 200, { ETag: versionETag(webhook.version) });
});

export const PATCH = apiRoute(updateContract, async ({ actor, params, body, request }) => {
  const version = expectedVersion(request, body.version);
  const webhook = await updateEndpoint(actor, params.id, version === null ? body : { ...body, version });
  return new ApiReply(webhook, 200, { ETag: versionETag(webhook.version) });
});

export const DELETE = apiRoute(deleteContract, async ({ actor, params, request }) =>
  deleteEndpoint(actor, params.id, expectedVersion(request) ?? undefined),
);
