// Idempotency-Key support for POST: the same key and body within 24 hours
// return the first result; the same key with another body is refused. A key
// is reserved before the work starts, so two concurrent retries cannot both
// create.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "./errors";

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
const IN_FLIGHT = 0;

export interface StoredResponse {
  status: number;
  body: unknown;
  /** The answer's own headers (Location, ETag), not the per-request ones (request id, rate limit). */
  headers?: Record<string, string>;
}

export type Reservation = { kind: "reserved"; id: string } | { kind: "replay"; response: StoredResponse };

export function requestHash(method: string, path: string, rawBody: string): string {
  return createHash("sha256").update(`${method} ${path}\n${rawBody}`).digest("hex");
}

export function validIdempotencyKey(key: string): boolean {
  return key.length >= 1 && key.length <= 255 && /^[\x21-\x7e]+$/.test(key);
}

export async function reserveIdempotencyKey(userId: string, key: string, method: string, path: string, hash: string): Promise<Reservation> {
  if (!validIdempotencyKey(key)) {
    throw new AppError("VALIDATION", "Invalid Idempotency-Key", { "Idempotency-Key": "Use 1 to 255 visible ASCII characters" });
  }
  const db = prisma();
  // Expired keys no longer count; clear this one if it is stale.
  await db.idempotencyKey.deleteMany({ where: { userId, key, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_TTL_MS) } } });
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotencyKey" ("id", "userId", "key", "method", "path", "requestHash", "status", "responseBody")
    VALUES (${crypto.randomUUID()}, ${userId}, ${key}, ${method}, ${path}, ${hash}, ${IN_FLIGHT}, 'null'::jsonb)
    ON CONFLICT ("userId", "key") DO NOTHING
    RETURNING "id"`;
  if (inserted[0]) return { kind: "reserved", id: inserted[0].id };
  const existing = await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!existing) return reserveIdempotencyKey(userId, key, method, path, hash); // expired between the two statements
  if (existing.requestHash !== hash) {
    throw new AppError("VALIDATION", "This Idempotency-Key was already used with a different request", {
      "Idempotency-Key": "Already used with another body or path; use a new key",
    });
  }
  if (existing.status === IN_FLIGHT) {
    throw new AppError("CONFLICT", "A request with this Idempotency-Key is still being processed; retry shortly");
  }
  const headers = (existing.responseHeaders ?? undefined) as Record<string, string> | undefined;
  return { kind: "replay", response: { status: existing.status, body: existing.responseBody, headers } };
}

export async function completeIdempotencyKey(id: string, response: StoredResponse): Promise<void> {
  await prisma().idempotencyKey.update({
    where: { id },
    data: { status: response.status, responseBody: response.body as Prisma.InputJsonValue, responseHeaders: response.headers ?? Prisma.DbNull },
  });
}

/** A failure on our side frees the key so that the client's retry can run again. */
export async function releaseIdempotencyKey(id: string): Promise<void> {
  await prisma().idempotencyKey.deleteMany({ where: { id, status: IN_FLIGHT } });
}
