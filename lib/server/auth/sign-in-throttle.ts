// Slows down password guessing: at most 10 passwords are checked per account
// and per client address in a 15-minute window, and the 10th failure pauses
// sign-in for 15 minutes. An attempt reserves its place in the database BEFORE
// its password is checked: the account's and the address's rows are locked,
// and only when both have room are both counted, in one transaction. So
// however many attempts arrive at once, on however many app instances, no
// more than 10 passwords are ever checked per window. A success gives its
// place back (the owner signing in is no guess); a failure keeps it. The rows
// live in "RateLimitBucket" (shared by every instance, no process-local state).
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export const accountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `signin:address:${ip}`;

/** Sorted, so that concurrent attempts lock rows in one order and never deadlock. */
const keyList = (email: string, ip: string | null) => (ip ? [accountKey(email), addressKey(ip)] : [accountKey(email)]).sort();
const keysFor = (email: string, ip: string | null) => Prisma.join(keyList(email, ip));

const WINDOW = Prisma.sql`make_interval(mins => ${WINDOW_MINUTES})`;
const FRESH = Prisma.sql`"windowStart" > now() - ${WINDOW}`;

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts an attempt for the account and the address, or says how long both must wait. */
export async function reserveSignInAttempt(email: string, ip: string | null): Promise<Reservation> {
  const keys = keysFor(email, ip);
  const rows = Prisma.join(keyList(email, ip).map((key) => Prisma.sql`(${key})`));
  return prisma().$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
      SELECT k, now(), 0 FROM (VALUES ${rows}) AS v(k)
      ON CONFLICT ("key") DO NOTHING`;
    const waits = await tx.$queryRaw<{ wait: number }[]>`
      SELECT CASE
          WHEN "lockedUntil" > now() THEN ceil(extract(epoch FROM "lockedUntil" - now()))::int
          WHEN ${FRESH} AND "count" >= ${MAX_FAILURES} THEN ceil(extract(epoch FROM "windowStart" + ${WINDOW} - now()))::int
          ELSE 0 END AS "wait"
      FROM "RateLimitBucket" WHERE "key" IN (${keys}) ORDER BY "key" FOR UPDATE`;
    const wait = Math.max(0, ...waits.map((r) => Number(r.wait)));
    if (wait > 0) return { ok: false, retryAfterSeconds: wait };
    await tx.$executeRaw`
      UPDATE "RateLimitBucket" SET
        "count" = CASE WHEN ${FRESH} THEN "count" + 1 ELSE 1 END,
        "windowStart" = CASE WHEN ${FRESH} THEN "windowStart" ELSE now() END
      WHERE "key" IN (${keys})`;
    return { ok: true };
  });
}

/** A wrong password keeps its place; the one that fills the window pauses sign-in. */
export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  await prisma().$executeRaw`
    UPDATE "RateLimitBucket" SET "lockedUntil" = now() + make_interval(mins => ${LOCK_MINUTES})
    WHERE "key" IN (${keysFor(email, ip)}) AND ${FRESH} AND "count" >= ${MAX_FAILURES}`;
}

/** A right password gives its place back (and nothing more: earlier failures still count). */
export async function releaseSignInAttempt(email: string, ip: string | null): Promise<void> {
  await prisma().$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = greatest("count" - 1, 0)
    WHERE "key" IN (${keysFor(email, ip)}) AND ${FRESH}`;
}
