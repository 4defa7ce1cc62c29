// Resolves a bearer key to its user. Every request runs one statement: while
// this instance holds rate-limit tokens for the key (rate-lease.ts), a read-only
// lookup; otherwise the lookup also reserves the next block of tokens in the
// shared bucket and refreshes "last used" (at most once a minute). Nothing about
// the key is cached: a revoked key or a deactivated user stops at the next
// request, in every app instance. The statements go through database().query
// (no Prisma client work), named (planned once per connection), and count into
// an UNLOGGED table (no WAL flush):
// see BENCHMARKS.md, REST API.
import { database } from "@/lib/db";
import { statementName } from "@/lib/db/statement-names";
import type { Role } from "@/lib/db/generated/enums";
import type { Actor } from "../auth/actor";
import { rateLimitResult, windowStart, type RateLimitResult } from "../rate-limit";
import { hashApiKey, looksLikeApiKey } from "./key-format";
import { blockSize, LeaseBook } from "./rate-lease";

export interface KeyAuthentication {
  actor: Actor;
  keyId: string;
  rateLimit: RateLimitResult;
}

const WINDOW_MS = 60_000;

const KEY_SELECT = `
    SELECT k."id" AS "keyId", u."id", u."email", u."name", u."role"::text AS "role"
    FROM "ApiKey" k JOIN "User" u ON u."id" = k."userId"
    WHERE k."keyHash" = $1 AND k."revokedAt" IS NULL AND u."active" = TRUE`;

/** $2 window start, $3 tokens to reserve. */
const LOOKUP_AND_RESERVE_SQL = `
  WITH k AS (${KEY_SELECT}
  ), touched AS (
    UPDATE "ApiKey" SET "lastUsedAt" = now()
    WHERE "id" IN (SELECT "keyId" FROM k) AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')
  ), counted AS (
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    SELECT 'api-key:' || "keyId", $2::timestamptz, $3::int FROM k
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + EXCLUDED."count" ELSE EXCLUDED."count" END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"
  )
  SELECT k.*, counted."count" FROM k, counted`;

type KeyRow = { keyId: string; id: string; email: string; name: string; role: Role; count?: number };

/** This process's unspent tokens; tests pass their own book to play a second app instance. */
const processLeases = new LeaseBook();

export async function authenticateApiKey(secret: string, limitPerMinute: number, now = Date.now(), leases = processLeases): Promise<KeyAuthentication | null> {
  if (!looksLikeApiKey(secret)) return null;
  const hash = hashApiKey(secret);
  const start = windowStart(now, WINDOW_MS);
  const window = start.getTime();
  const actorOf = (row: KeyRow): Actor => ({ id: row.id, email: row.email, name: row.name, role: row.role });

  const spent = leases.spend(hash, window);
  if (spent) {
    const [row] = await database().query<KeyRow>(KEY_SELECT, [hash], statementName(KEY_SELECT, "auth"));
    if (!row) {
      leases.forget(hash);
      return null;
    }
    return { actor: actorOf(row), keyId: row.keyId, rateLimit: rateLimitResult(spent.requestsCounted, limitPerMinute, start, WINDOW_MS, now) };
  }

  const block = blockSize(limitPerMinute);
  const [row] = await database().query<KeyRow>(LOOKUP_AND_RESERVE_SQL, [hash, start, block], statementName(LOOKUP_AND_RESERVE_SQL, "auth"));
  if (!row) {
    leases.forget(hash);
    return null;
  }
  const reserved = leases.reserve(hash, window, Number(row.count), block, limitPerMinute);
  return { actor: actorOf(row), keyId: row.keyId, rateLimit: rateLimitResult(reserved.requestsCounted, limitPerMinute, start, WINDOW_MS, now) };
}
