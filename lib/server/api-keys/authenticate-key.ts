// Resolves a bearer key to its user in one round trip that also counts the
// request against the key's rate limit and refreshes "last used" at most once
// a minute (a write per request would cost more than the request itself).
// Nothing is cached: a revoked key or a deactivated user stops at the next
// request, in every app instance. The statement runs on every API request, so
// it goes through database().query (no Prisma client work) and counts into an
// UNLOGGED table (no WAL flush): see BENCHMARKS.md, REST API.
import { database } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import type { Actor } from "../auth/actor";
import { rateLimitResult, windowStart, type RateLimitResult } from "../rate-limit";
import { hashApiKey, looksLikeApiKey } from "./key-format";

export interface KeyAuthentication {
  actor: Actor;
  keyId: string;
  rateLimit: RateLimitResult;
}

const WINDOW_MS = 60_000;

const AUTHENTICATE_SQL = `
  WITH k AS (
    SELECT k."id" AS "keyId", u."id", u."email", u."name", u."role"::text AS "role"
    FROM "ApiKey" k JOIN "User" u ON u."id" = k."userId"
    WHERE k."keyHash" = $1 AND k."revokedAt" IS NULL AND u."active" = TRUE
  ), touched AS (
    UPDATE "ApiKey" SET "lastUsedAt" = now()
    WHERE "id" IN (SELECT "keyId" FROM k) AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')
  ), counted AS (
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    SELECT 'api-key:' || "keyId", $2::timestamptz, 1 FROM k
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"
  )
  SELECT k.*, counted."count" FROM k, counted`;

export async function authenticateApiKey(secret: string, limitPerMinute: number, now = Date.now()): Promise<KeyAuthentication | null> {
  if (!looksLikeApiKey(secret)) return null;
  const start = windowStart(now, WINDOW_MS);
  const rows = await database().query<{ keyId: string; id: string; email: string; name: string; role: Role; count: number }>(AUTHENTICATE_SQL, [
    hashApiKey(secret),
    start,
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    actor: { id: row.id, email: row.email, name: row.name, role: row.role },
    keyId: row.keyId,
    rateLimit: rateLimitResult(Number(row.count), limitPerMinute, start, WINDOW_MS, now),
  };
}
