import { createActivityType as createEndpoint, listActivityTypes as listEndpoint } from "@/lib/api/endpoints/activities";
import { created } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { createActivityType, listActivityTypes } from "@/lib/server/activities/types";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const types = await listActivityTypes(actor);
  return { data: query.active === undefined ? types : types.filter((t) => t.active === query.active) };
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const type = await createActivityType(actor, body);
  return created(type, `/api/v1/activity-types/${type.id}`);
});
