import { openApiDocument as endpoint } from "@/lib/api/endpoints/meta";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/api/route";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = apiRoute(endpoint, async () => (cached ??= buildOpenApiDocument()));
