// Every server action goes through serverAction(): it re-checks the session
// (a page's check does not protect the actions it renders), parses the input
// with the shared zod schema and maps errors to the one error shape.
import type { z } from "zod";
import { nulFields } from "@/lib/validation/nul";
import { actorOrThrow } from "./auth/session";
import type { Actor } from "./auth/actor";
import { errorResponse, type ErrorBody } from "./error-mapping";
import { validationError } from "./errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

export function serverAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await actorOrThrow();
      const nul = nulFields(input);
      if (nul) throw validationError(nul);
      const parsed = schema.parse(input);
      return { ok: true, data: await run(actor, parsed) };
    } catch (error) {
      return { ok: false, error: errorResponse(error).body.error };
    }
  };
}
