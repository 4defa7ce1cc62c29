// The board's own read endpoints (the browser's session only; other systems use
// /api/v1): who is asking, one service call, the one error shape. They stay out
// of the public API's wrapper because the board needs no key, rate limit or
// idempotency, and its response shape is the UI's, free to change with it.
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
