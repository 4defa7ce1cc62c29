import { getUser as endpoint } from "@/lib/api/endpoints/users";
import { apiRoute } from "@/lib/api/route";
import { getUser } from "@/lib/server/users/directory";

export const GET = apiRoute(endpoint, async ({ actor, params }) => getUser(actor, params.id));
