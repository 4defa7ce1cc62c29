import { createActivity as createEndpoint, listActivities as listEndpoint } from "@/lib/api/endpoints/activities";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listActivities } from "@/lib/server/activities/read";
import { createActivity } from "@/lib/server/activities/write";
import type { ACTIVITY_SORT_FIELDS } from "@/lib/validation/activity";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const { limit: _limit, offset: _offset, cursor: _cursor, sort, ...filters } = query;
  const window = pageWindow(query);
  const field = sort.replace(/^-/, "") as (typeof ACTIVITY_SORT_FIELDS)[number];
  const { total, rows } = await listActivities(actor, filters, { field, dir: sort.startsWith("-") ? "desc" : "asc" }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const activity = await createActivity(actor, body);
  return created(activity, `/api/v1/activities/${activity.id}`, { ETag: versionETag(activity.version) });
});
