// The board's internal read endpoints (session auth only). The REST API issue
// folds them into /api/v1 with its shared wrapper; until then this keeps
// them thin: who is asking, one service call, the one error shape.
import { actorOrThrow } from "@/lib/server/auth/session";
import type { Actor } from "@/lib/server/auth/actor";
import { errorResponse } from "@/lib/server/error-mapping";
import { validationError } from "@/lib/server/errors";
import { urlNulFields } from "@/lib/validation/nul";

export async function respond<T>(request: Request, run: (actor: Actor) => Promise<T>): Promise<Response> {
  try {
    const actor = await actorOrThrow();
    const nul = urlNulFields(new URL(request.url));
    if (nul) throw validationError(nul);
    return Response.json(await run(actor), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const { status, body } = errorResponse(error);
    return Response.json(body, { status });
  }
}
