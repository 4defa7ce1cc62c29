import { upsertOpportunityByExternalId as endpoint } from "@/lib/api/endpoints/opportunities";
import { ApiReply, created, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { upsertOpportunityByExternalId } from "@/lib/server/opportunities/write/upsert-by-external-id";

export const PUT = apiRoute(endpoint, async ({ actor, params, body }) => {
  const { created: isNew, opportunity } = await upsertOpportunityByExternalId(actor, params.externalId, body);
  const headers = { ETag: versionETag(opportunity.version) };
  return isNew ? created(opportunity, `/api/v1/opportunities/${opportunity.id}`, headers) : new ApiReply(opportunity, 200, headers);
});
