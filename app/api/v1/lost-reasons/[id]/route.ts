import { deleteLostReason as deleteEndpoint, getLostReason as getEndpoint, updateLostReason as updateEndpoint } from "@/lib/api/endpoints/lost-reasons";
import { apiRoute } from "@/lib/api/route";
import { getLostReason } from "@/lib/server/lists/read";
import { deleteLostReason, updateListItem } from "@/lib/server/lists/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => getLostReason(actor, params.id));

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body }) => updateListItem(actor, "lostReason", params.id, body));

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params }) => deleteLostReason(actor, params.id));
