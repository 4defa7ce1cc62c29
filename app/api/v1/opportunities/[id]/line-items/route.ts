import { createLineItem as createEndpoint, listLineItems as listEndpoint, replaceLineItems as replaceEndpoint } from "@/lib/api/endpoints/line-items";
import { ApiReply, created, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { addLineItem } from "@/lib/server/line-items/edit";
import { listLineItems } from "@/lib/server/line-items/read";
import { replaceLineItems } from "@/lib/server/line-items/replace";

export const GET = apiRoute(listEndpoint, async ({ actor, params }) => {
  const lines = await listLineItems(actor, params.id);
  return new ApiReply(lines, 200, { ETag: versionETag(lines.opportunity.version) });
});

export const POST = apiRoute(createEndpoint, async ({ actor, params, body, request }) => {
  const { lineItem, opportunity } = await addLineItem(actor, params.id, { ...body, version: expectedVersion(request, body.version) ?? undefined });
  return created({ ...lineItem, opportunity }, `/api/v1/opportunities/${params.id}/line-items/${lineItem.id}`, { ETag: versionETag(opportunity.version) });
});

export const PUT = apiRoute(replaceEndpoint, async ({ actor, params, body, request }) => {
  const lines = await replaceLineItems(actor, params.id, { ...body, version: expectedVersion(request, body.version) ?? undefined });
  return new ApiReply(lines, 200, { ETag: versionETag(lines.opportunity.version) });
});
