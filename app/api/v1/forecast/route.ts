// GET /api/v1/forecast?groupBy=month|stage|owner&period=...&pipelineId=...&ownerId=...&from=...&to=...
// The same figures as the forecast page, from the same service. Session auth
// for now; the API issue wraps this handler with API-key auth.
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/error-mapping";
import { currentActor } from "@/lib/server/auth/session";
import { forecastApiResponse } from "@/lib/server/forecast/api";
import { forecastApiQuerySchema, singleParams } from "@/lib/validation/forecast";

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in or send an API key");
    const query = forecastApiQuerySchema.parse(singleParams(new URL(request.url).searchParams));
    return Response.json(await forecastApiResponse(actor, query));
  } catch (error) {
    const { status, body } = errorResponse(error);
    return Response.json(body, { status });
  }
}
