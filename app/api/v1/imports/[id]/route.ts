import { getImport as getEndpoint } from "@/lib/api/endpoints/imports";
import { apiRoute } from "@/lib/api/route";
import { getImport } from "@/lib/server/imports/read";

export const GET = apiRoute(getEndpoint, ({ actor, params }) => getImport(actor, params.id));
