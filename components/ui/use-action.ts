"use client";
// The one way a client component runs a server action that changes data
// (a TanStack Query mutation): pending state, the refusal's field errors, a
// toast on failure (and on success when asked), and afterwards the data the
// change touched is brought up to date. Server-rendered page data is
// re-rendered with router.refresh(); data a query owns is updated or
// invalidated by its query keys instead (docs/DESIGN.md, "Client data").
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/server/action";

export type ActionError = Extract<ActionResult<unknown>, { ok: false }>["error"];

type Action<I, T> = (input: I) => Promise<ActionResult<T>>;

export interface ActionOptions<I, T> {
  /** A toast after success: its text, or built from the result. None when omitted. */
  success?: string | ((data: T, input: I) => string);
  /** The toast after a refusal: by default the error's message; a function words it (null: none this time); `false` when `onFailure` shows every error itself. */
  failure?: false | ((error: ActionError, input: I) => string | null);
  /** Field errors onto a react-hook-form form (`formFields(setError, known)`); the ones no field takes are named in the toast. */
  form?: FieldPlacer;
  /** Query keys whose data the change made stale (refetched where shown). */
  invalidate?: readonly QueryKey[] | ((data: T, input: I) => readonly QueryKey[]);
  /** Writes the result into the query cache itself; awaited before the next call of the same scope runs. */
  update?: (client: QueryClient, data: T, input: I) => void | Promise<void>;
  /**
   * Re-render the page's server components after success; "always" after a refusal too (a
   * version conflict: the page shows what changed). Default: true unless `invalidate` or
   * `update` name the query data that changed.
   */
  refresh?: boolean | "always";
  /** Shows the change at once, before the server answers; returns how to take it back if the server refuses. */
  optimistic?: (client: QueryClient, input: I) => Promise<() => void> | (() => void);
  /** Calls with the same scope run one after another, each after the previous one's `update`. */
  scope?: string;
  onSuccess?: (data: T, input: I) => void;
  onFailure?: (error: ActionError, input: I) => void;
}

/** What a call that never reached the action's answer (network down, server crashed) reports. */
const UNREACHABLE: ActionError = { code: "UNAVAILABLE", message: "The server could not be reached; try again." };

/** The first field's message, else the error's: for a toast where no form shows the fields. */
export const firstFieldMessage = (error: ActionError) => Object.values(error.fields ?? {})[0] ?? error.message;

/** Places a refusal's field errors and returns the messages no field took. */
export type FieldPlacer = (error: ActionError) => string[];

/** Field errors beside a react-hook-form form's fields (the first one focused), without touching what the user typed. */
export function formFields<F extends FieldValues>(setError: UseFormSetError<F>, known: (path: string) => boolean): FieldPlacer {
  return (error) => {
    const unplaced: string[] = [];
    let first = true;
    for (const [path, message] of Object.entries(error.fields ?? {})) {
      if (known(path)) {
        setError(path as Path<F>, { type: "server", message }, { shouldFocus: first });
        first = false;
      } else unplaced.push(message);
    }
    return unplaced;
  };
}

/** A refusal travels through the mutation as an error, so that an optimistic change is taken back. */
class Refused extends Error {
  constructor(readonly body: ActionError) {
    super(body.message);
  }
}

export function useAction<I, T>(action: Action<I, T>, options: ActionOptions<I, T> = {}) {
  const client = useQueryClient();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const o = options;
  const mutation = useMutation<T, Refused, I, { undo?: () => void }>({
    ...(o.scope ? { scope: { id: o.scope } } : {}),
    mutationFn: async (input) => {
      const result = await action(input).catch((): ActionResult<T> => ({ ok: false, error: UNREACHABLE }));
      if (!result.ok) throw new Refused(result.error);
      return result.data;
    },
    onMutate: async (input) => {
      setFieldErrors({});
      return { undo: await o.optimistic?.(client, input) };
    },
    onSuccess: async (data, input) => {
      await o.update?.(client, data, input);
      const stale = typeof o.invalidate === "function" ? o.invalidate(data, input) : o.invalidate;
      for (const queryKey of stale ?? []) void client.invalidateQueries({ queryKey });
      o.onSuccess?.(data, input);
      if (o.success) toast.success(typeof o.success === "string" ? o.success : o.success(data, input));
      if (o.refresh ?? !(o.invalidate || o.update)) startRefresh(() => router.refresh());
    },
    onError: (refused, input, context) => {
      context?.undo?.();
      const error = refused instanceof Refused ? refused.body : UNREACHABLE;
      setFieldErrors(error.fields ?? {});
      if (o.refresh === "always") startRefresh(() => router.refresh());
      const unplaced = o.form?.(error) ?? [];
      o.onFailure?.(error, input);
      const text = o.failure === false ? null : o.failure ? o.failure(error, input) : error.message;
      if (text !== null) toast.error(unplaced.length ? `${text}: ${unplaced.join("; ")}` : text);
    },
  });

  return {
    /** Runs the action and answers its result; never throws. */
    run: (input: I): Promise<ActionResult<T>> =>
      mutation.mutateAsync(input).then(
        (data): ActionResult<T> => ({ ok: true, data }),
        (refused): ActionResult<T> => ({ ok: false, error: refused instanceof Refused ? refused.body : UNREACHABLE }),
      ),
    /** True while the action runs and while the page re-renders after it. */
    pending: mutation.isPending || refreshing,
    /** The last refusal's field errors (path → message), for forms without react-hook-form. */
    fieldErrors,
    clearErrors: () => setFieldErrors({}),
  };
}
