// Slows down password guessing: 10 failed sign-ins within 15 minutes, for one
// account or from one address, lock further tries for 15 minutes. Counters
// live in the database so that every app instance enforces the same limit.
import { prisma } from "@/lib/db";

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export const accountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `signin:address:${ip}`;

function keysFor(email: string, ip: string | null): string[] {
  return ip ? [accountKey(email), addressKey(ip)] : [accountKey(email)];
}

/** Seconds until sign-in is allowed again for this account or address; 0 when it is allowed now. */
export async function signInLockedFor(email: string, ip: string | null, now = new Date()): Promise<number> {
  const locks = await prisma().rateLimitBucket.findMany({
    where: { key: { in: keysFor(email, ip) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...locks.map((l) => l.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  for (const key of keysFor(email, ip)) {
    await prisma().$executeRaw`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimitBucket"."windowStart" > now() - make_interval(mins => ${WINDOW_MINUTES}) THEN "RateLimitBucket"."count" + 1 ELSE 1 END,
        "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" > now() - make_interval(mins => ${WINDOW_MINUTES}) THEN "RateLimitBucket"."windowStart" ELSE now() END,
        "lockedUntil" = CASE
          WHEN "RateLimitBucket"."windowStart" > now() - make_interval(mins => ${WINDOW_MINUTES}) AND "RateLimitBucket"."count" + 1 >= ${MAX_FAILURES}
          THEN now() + make_interval(mins => ${LOCK_MINUTES})
          ELSE "RateLimitBucket"."lockedUntil" END`;
  }
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearSignInFailures(email: string): Promise<void> {
  await prisma().rateLimitBucket.deleteMany({ where: { key: accountKey(email) } });
}
