// Fixed-window counters kept in the database, so that a limit holds across
// every app instance (no process-local state).
import { prisma } from "@/lib/db";

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

/** Counts one hit against `key` and says whether it is within `limit` per window. One round trip. */
export async function hitRateLimit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const start = windowStart(now, windowMs);
  const [row] = await prisma().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  return rateLimitResult(Number(row.count), limit, start, windowMs, now);
}
