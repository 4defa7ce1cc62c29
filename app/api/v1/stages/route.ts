import { createStage as createEndpoint, listStages as listEndpoint } from "@/lib/api/endpoints/stages";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listStages } from "@/lib/server/stages/read";
import { createStage } from "@/lib/server/stages/write";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const window = pageWindow(query);
  const { total, rows } = await listStages(actor, { pipelineId: query.pipelineId, type: query.type }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const stage = await createStage(actor, body);
  return created(stage, `/api/v1/stages/${stage.id}`, { ETag: timestampETag(stage.updatedAt) });
});
