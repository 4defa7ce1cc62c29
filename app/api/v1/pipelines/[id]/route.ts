import { deletePipeline as deleteEndpoint, getPipeline as getEndpoint, updatePipeline as updateEndpoint } from "@/lib/api/endpoints/pipelines";
import { ApiReply, expectedUpdatedAt, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { deletePipeline } from "@/lib/server/pipelines/delete";
import { getPipeline } from "@/lib/server/pipelines/read";
import { updatePipeline } from "@/lib/server/pipelines/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const pipeline = await getPipeline(actor, params.id);
  return new ApiReply(pipeline, 200, { ETag: timestampETag(pipeline.updatedAt) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { updatedAt, ...patch } = body;
  const pipeline = await updatePipeline(actor, params.id, patch, expectedUpdatedAt(request, updatedAt));
  return new ApiReply(pipeline, 200, { ETag: timestampETag(pipeline.updatedAt) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, query, request }) =>
  deletePipeline(actor, params.id, query, expectedUpdatedAt(request)),
);
