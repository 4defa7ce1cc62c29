// Retry timing for background work (jobs, webhook deliveries): exponential
// backoff with jitter, so that many failures at the same moment (an endpoint
// down, the database restarting) do not all retry in the same instant.

export interface RetryPolicy {
  /** Attempts in all, the first included; past this a job is given up (FAILED). */
  maxAttempts: number;
  /** Delay before the second attempt; each further attempt doubles it. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
  /** Give up once the next attempt would start this long after the job was created. */
  giveUpAfterMs?: number;
}

/**
 * The wait after failed attempt number `attempt` (1 = the first attempt failed):
 * base x 2^(attempt-1), capped, then "equal jitter": between half of it and all of it.
 * `random` is a number in [0, 1).
 */
export function retryDelayMs(attempt: number, policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">, random: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** When to try again after failed attempt `attempt`, or null when the job is given up. */
export function nextAttemptAt(attempt: number, createdAt: number, now: number, policy: RetryPolicy, random: number): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const at = now + retryDelayMs(attempt, policy, random);
  if (policy.giveUpAfterMs !== undefined && at - createdAt > policy.giveUpAfterMs) return null;
  return at;
}
