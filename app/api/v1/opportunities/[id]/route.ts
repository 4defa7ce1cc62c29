import {
  deleteOpportunity as deleteEndpoint,
  getOpportunity as getEndpoint,
  updateOpportunity as updateEndpoint,
} from "@/lib/api/endpoints/opportunities";
import { ApiReply, expectedVersion, RawJson, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { getOpportunityJson } from "@/lib/server/opportunities/read/get";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  // The DTO's JSON comes from the database and goes out as is (dto-sql.ts).
  const { json, version } = await getOpportunityJson(actor, params.id);
  return new ApiReply(new RawJson(json), 200, { ETag: versionETag(version) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const version = expectedVersion(request, body.version);
  const opportunity = await updateOpportunity(actor, params.id, version === null ? body : { ...body, version });
  return new ApiReply(opportunity, 200, { ETag: versionETag(opportunity.version) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, request }) =>
  deleteOpportunity(actor, params.id, expectedVersion(request) ?? undefined),
);
