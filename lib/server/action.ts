// Every server action goes through serverAction(): it re-checks the session
// (a page's check does not protect the actions it renders), parses the input
// with the shared zod schema, maps errors to the one error shape and logs the
// call (action, user, duration, outcome) under the request's id.
import { headers } from "next/headers";
import type { z } from "zod";
import { nulFields } from "@/lib/validation/nul";
import { actionName } from "./action-names";
import { actorOrThrow } from "./auth/session";
import type { Actor } from "./auth/actor";
import { errorResponse, type ErrorBody } from "./error-mapping";
import { validationError } from "./errors";
import { logger } from "../log";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

/** The request id the proxy gave this call and the action's name, when called inside a request. */
async function callContext(): Promise<{ requestId?: string; action?: string }> {
  try {
    const h = await headers();
    return { requestId: h.get("x-request-id") ?? undefined, action: actionName(h.get("next-action")) };
  } catch {
    return {}; // called outside a request (scripts, tests)
  }
}

export function serverAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const started = performance.now();
    const context = await callContext();
    let userId: string | undefined;
    let outcome = "ok";
    try {
      const actor = await actorOrThrow();
      userId = actor.id;
      const nul = nulFields(input);
      if (nul) throw validationError(nul);
      const parsed = schema.parse(input);
      return { ok: true, data: await run(actor, parsed) };
    } catch (error) {
      const body = errorResponse(error, { requestId: context.requestId }).body.error;
      outcome = body.code;
      return { ok: false, error: body };
    } finally {
      logger.info({ ...context, userId, outcome, durationMs: Math.round(performance.now() - started) }, "server action");
    }
  };
}
