import { createPipeline as createEndpoint, listPipelines as listEndpoint } from "@/lib/api/endpoints/pipelines";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listPipelines } from "@/lib/server/pipelines/read";
import { createPipeline } from "@/lib/server/pipelines/write";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const window = pageWindow(query);
  const { total, rows } = await listPipelines(actor, { archived: query.archived, q: query.q }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const pipeline = await createPipeline(actor, body);
  return created(pipeline, `/api/v1/pipelines/${pipeline.id}`, { ETag: timestampETag(pipeline.updatedAt) });
});
