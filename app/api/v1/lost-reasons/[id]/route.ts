import { deleteLostReason as deleteEndpoint, getLostReason as getEndpoint, updateLostReason as updateEndpoint } from "@/lib/api/endpoints/lost-reasons";
import { apiRoute } from "@/lib/api/route";
import { getLostReason } from "@/lib/server/lost-reasons/read";
import { updateLostReasonForApi } from "@/lib/server/lost-reasons/writes";
import { deleteLostReason } from "@/lib/server/settings/lists";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => getLostReason(actor, params.id));

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body }) => updateLostReasonForApi(actor, params.id, body));

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params }) => deleteLostReason(actor, { id: params.id }));
