import { moveOpportunity as endpoint } from "@/lib/api/endpoints/opportunities";
import { ApiReply, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";

export const POST = apiRoute(endpoint, async ({ actor, params, body, request }) => {
  const version = expectedVersion(request, body.expectedVersion);
  const moved = await moveOpportunity(actor, { ...body, opportunityId: params.id, ...(version === null ? {} : { expectedVersion: version }) });
  return new ApiReply(moved, 200, { ETag: versionETag(moved.version) });
});
