// GET /api/v1/forecast: the same figures as the forecast page, from the same service.
import { getForecast as endpoint } from "@/lib/api/endpoints/forecast";
import { apiRoute } from "@/lib/api/route";
import { forecastApiResponse } from "@/lib/server/forecast/api";

export const GET = apiRoute(endpoint, async ({ actor, query }) => forecastApiResponse(actor, query));
