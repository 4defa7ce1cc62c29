import { createOpportunity as createEndpoint, listOpportunities as listEndpoint } from "@/lib/api/endpoints/opportunities";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listOpportunitiesForApi, type ApiSortField } from "@/lib/server/opportunities/api-list";
import { createOpportunity } from "@/lib/server/opportunities/create";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const { limit: _limit, offset: _offset, cursor: _cursor, sort, ...filters } = query;
  const window = pageWindow(query);
  const field = sort.replace(/^-/, "") as ApiSortField;
  const { total, rows } = await listOpportunitiesForApi(actor, filters, { field, dir: sort.startsWith("-") ? "desc" : "asc" }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const opportunity = await createOpportunity(actor, body);
  return created(opportunity, `/api/v1/opportunities/${opportunity.id}`, { ETag: versionETag(opportunity.version) });
});
