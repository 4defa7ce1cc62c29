// What a kind of job is: its handler, how it retries, and (for periodic work)
// how often it runs. Definitions are registered by the features that own them
// (lib/server/jobs/handlers.ts lists them) and read by the worker.
import type { Database } from "@/lib/db";
import type { RetryPolicy } from "@/lib/domain/backoff";

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  /** This attempt's number, the first being 1. */
  attempt: number;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface JobContext {
  db: Database;
  /** Aborted when the worker gives the job up (shutdown past its grace, or its lease lost). */
  signal: AbortSignal;
}

export interface JobDefinition {
  kind: string;
  run(payload: unknown, job: ClaimedJob, ctx: JobContext): Promise<void>;
  retry: RetryPolicy;
  /** Run once per period, whichever instance gets it (a slot key per period makes it a singleton). */
  everyMs?: number;
  /** Called once when the job is given up (attempts or time exhausted, or a PermanentJobError). */
  onGiveUp?(payload: unknown, job: ClaimedJob, error: unknown, ctx: JobContext): Promise<void>;
}

/** Thrown by a handler for a failure that retrying cannot fix: the job is given up at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };

export function defineJob(definition: JobDefinition): JobDefinition {
  return definition;
}
