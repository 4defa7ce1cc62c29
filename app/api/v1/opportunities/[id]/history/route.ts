import { opportunityHistory as endpoint } from "@/lib/api/endpoints/opportunities";
import { apiRoute } from "@/lib/api/route";
import { stageHistory } from "@/lib/server/opportunities/history/stage-history";

export const GET = apiRoute(endpoint, async ({ actor, params }) => ({ data: await stageHistory(actor, params.id) }));
