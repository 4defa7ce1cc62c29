import { updateActivityType as updateEndpoint } from "@/lib/api/endpoints/activities";
import { apiRoute } from "@/lib/api/route";
import { updateActivityType } from "@/lib/server/activities/types";

export const PATCH = apiRoute(updateEndpoint, ({ actor, params, body }) => updateActivityType(actor, params.id, body));
