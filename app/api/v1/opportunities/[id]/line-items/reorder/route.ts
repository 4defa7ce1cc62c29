import { reorderLineItems as endpoint } from "@/lib/api/endpoints/line-items";
import { ApiReply, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { reorderLineItems } from "@/lib/server/line-items/edit";

export const POST = apiRoute(endpoint, async ({ actor, params, body, request }) => {
  const lines = await reorderLineItems(actor, params.id, { ...body, version: expectedVersion(request, body.version) ?? undefined });
  return new ApiReply(lines, 200, { ETag: versionETag(lines.opportunity.version) });
});
