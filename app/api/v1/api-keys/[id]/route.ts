import { revokeApiKey as endpoint } from "@/lib/api/endpoints/api-keys";
import { apiRoute } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/server/api-keys/manage";

export const DELETE = apiRoute(endpoint, async ({ actor, params }) => revokeApiKey(actor, params.id));
