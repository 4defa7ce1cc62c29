import { deleteLineItem as deleteEndpoint, updateLineItem as updateEndpoint } from "@/lib/api/endpoints/line-items";
import { ApiReply, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { deleteLineItem, updateLineItem } from "@/lib/server/line-items/edit";

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { lineItem, opportunity } = await updateLineItem(actor, params.id, params.itemId, { ...body, version: expectedVersion(request, body.version) ?? undefined });
  return new ApiReply({ ...lineItem, opportunity }, 200, { ETag: versionETag(opportunity.version) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, request }) => {
  const result = await deleteLineItem(actor, params.id, params.itemId, expectedVersion(request) ?? undefined);
  return new ApiReply(result, 200, { ETag: versionETag(result.opportunity.version) });
});
