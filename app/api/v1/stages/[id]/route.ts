import { deleteStage as deleteEndpoint, getStage as getEndpoint, updateStage as updateEndpoint } from "@/lib/api/endpoints/stages";
import { ApiReply, expectedUpdatedAt, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { deleteStage } from "@/lib/server/stages/delete";
import { getStage } from "@/lib/server/stages/read";
import { updateStage } from "@/lib/server/stages/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const stage = await getStage(actor, params.id);
  return new ApiReply(stage, 200, { ETag: timestampETag(stage.updatedAt) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { updatedAt, ...patch } = body;
  const { stage } = await updateStage(actor, params.id, patch, expectedUpdatedAt(request, updatedAt));
  return new ApiReply(stage, 200, { ETag: timestampETag(stage.updatedAt) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, query, request }) =>
  deleteStage(actor, params.id, query, expectedUpdatedAt(request)),
);
