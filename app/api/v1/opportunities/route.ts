import { createOpportunity as createEndpoint, listOpportunities as listEndpoint } from "@/lib/api/endpoints/opportunities";
import { pageOfJson, pageWindow } from "@/lib/api/pagination";
import { created, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listOpportunityJsonForApi, type ApiSortField } from "@/lib/server/opportunities/list/api-list";
import { createOpportunity } from "@/lib/server/opportunities/write/create";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const { limit: _limit, offset: _offset, cursor: _cursor, sort, ...filters } = query;
  const window = pageWindow(query);
  const field = sort.replace(/^-/, "") as ApiSortField;
  // Each opportunity's JSON comes from the database and goes out as is (dto-sql.ts).
  const { total, json } = await listOpportunityJsonForApi(actor, filters, { field, dir: sort.startsWith("-") ? "desc" : "asc" }, window);
  return pageOfJson(json, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const opportunity = await createOpportunity(actor, body);
  return created(opportunity, `/api/v1/opportunities/${opportunity.id}`, { ETag: versionETag(opportunity.version) });
});
