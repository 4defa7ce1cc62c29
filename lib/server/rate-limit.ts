// A rate limit's fixed window and the answer it gives. The counts live in the
// database (RateLimitBucket, reserved in blocks by api-keys/rate-lease.ts), so
// that a limit holds across every app instance.
export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  /** Seconds until the window resets. */
  retryAfter: number;
}

export function windowStart(now: number, windowMs: number): Date {
  return new Date(Math.floor(now / windowMs) * windowMs);
}

export function rateLimitResult(count: number, limit: number, start: Date, windowMs: number, now: number): RateLimitResult {
  return {
    allowed: count <= limit,
    count,
    limit,
    retryAfter: Math.max(1, Math.ceil((start.getTime() + windowMs - now) / 1000)),
  };
}
