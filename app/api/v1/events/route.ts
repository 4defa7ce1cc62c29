import { listEvents as endpoint } from "@/lib/api/endpoints/events";
import { apiRoute } from "@/lib/api/route";
import { readFeed } from "@/lib/server/events/feed";

export const GET = apiRoute(endpoint, async ({ actor, query }) => readFeed(actor, query));
