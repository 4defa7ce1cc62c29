// The worker's statements on the Job table. A claim takes due jobs with
// FOR UPDATE SKIP LOCKED and stamps them with a lease (lockedUntil) and a
// token naming this worker and this attempt; every later statement about the
// job (renew, finish, retry, release) applies only while that token is still
// on the row, so a worker that lost its lease (paused past it, while another
// instance took the job over) can no longer touch the job.
import type { Database } from "@/lib/db";
import { statementName } from "@/lib/db/statement-names";
import type { ClaimedJob } from "./definitions";

/** How many jobs the claim looks at, at most, before choosing: the queue's head, in due order. */
const CLAIM_WINDOW = 2000;

/**
 * $1 kinds, $2 how many, $3 worker id, $4 lease (ms), $5 at most this many running per limitKey.
 * - due: queued, runAt passed, not leased (or the lease ran out: its worker died);
 * - a job of a group waits while an earlier job of its group is still queued (running or not);
 * - a limitKey's jobs are taken only up to the limit, counting those already running;
 * - the rows are locked last (SKIP LOCKED), so two workers never take the same job,
 *   and rechecked once locked (another claim may have leased one meanwhile).
 */
const CLAIM_SQL = `
  WITH running AS (
    SELECT "limitKey", count(*)::int AS "n" FROM "Job"
    WHERE "status" = 'QUEUED' AND "limitKey" IS NOT NULL AND "lockedUntil" >= now()
    GROUP BY 1
  ), due AS (
    SELECT j."id", j."runAt", j."limitKey" FROM "Job" j
    WHERE j."status" = 'QUEUED' AND j."runAt" <= now() AND (j."lockedUntil" IS NULL OR j."lockedUntil" < now())
      AND j."kind" = ANY($1::text[])
      AND (j."groupKey" IS NULL OR NOT EXISTS (
        SELECT 1 FROM "Job" p WHERE p."groupKey" = j."groupKey" AND p."status" = 'QUEUED' AND p."id" < j."id"))
    ORDER BY j."runAt", j."id"
    LIMIT ${CLAIM_WINDOW}
  ), eligible AS (
    SELECT d."id" FROM (
      SELECT d.*, row_number() OVER (PARTITION BY d."limitKey" ORDER BY d."runAt", d."id") AS "n" FROM due d
    ) d LEFT JOIN running r ON r."limitKey" = d."limitKey"
    WHERE d."limitKey" IS NULL OR d."n" + COALESCE(r."n", 0) <= $5::int
    ORDER BY d."runAt", d."id"
    LIMIT $2::int * 2
  ), locked AS (
    SELECT j."id" FROM "Job" j
    WHERE j."id" IN (SELECT "id" FROM eligible)
      AND j."status" = 'QUEUED' AND (j."lockedUntil" IS NULL OR j."lockedUntil" < now())
    ORDER BY j."runAt", j."id"
    LIMIT $2::int
    FOR UPDATE SKIP LOCKED
  )
  UPDATE "Job" j SET "attempts" = j."attempts" + 1, "lockedBy" = $3::text || ':' || (j."attempts" + 1),
    "lockedUntil" = now() + $4::int * interval '1 millisecond'
  FROM locked WHERE j."id" = locked."id"
  RETURNING j."id"::text AS "id", j."kind", j."payload"::text AS "payload", j."attempts",
    (extract(epoch FROM j."createdAt") * 1000)::float8 AS "createdAt"`;

export interface ClaimOptions {
  kinds: string[];
  count: number;
  workerId: string;
  leaseMs: number;
  perKeyLimit: number;
}

/** The token a claimed job carries while this attempt owns it. */
export const tokenOf = (workerId: string, job: Pick<ClaimedJob, "attempt">) => `${workerId}:${job.attempt}`;

type Row = { id: string; kind: string; payload: string; attempts: number; createdAt: number };

export async function claimJobs(db: Database, o: ClaimOptions): Promise<ClaimedJob[]> {
  if (o.count <= 0 || o.kinds.length === 0) return [];
  const rows = await db.query<Row>(CLAIM_SQL, [o.kinds, o.count, o.workerId, o.leaseMs, o.perKeyLimit], statementName(CLAIM_SQL, "jobs"));
  return rows
    .map((r) => ({ id: r.id, kind: r.kind, payload: JSON.parse(r.payload) as unknown, attempt: Number(r.attempts), createdAt: Number(r.createdAt) }))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

const FINISH_SQL = `
  WITH gone AS (DELETE FROM "Job" WHERE "id" = $1::bigint AND "lockedBy" = $2 AND "dedupeKey" IS NULL RETURNING "id")
  UPDATE "Job" SET "status" = 'DONE', "finishedAt" = now(), "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL
  WHERE "id" = $1::bigint AND "lockedBy" = $2 AND "dedupeKey" IS NOT NULL`;

/** Done: deleted, or kept as DONE when it has a dedupe key (its period's slot stays taken). */
export async function finishJob(db: Database, id: string, token: string): Promise<void> {
  await db.query(FINISH_SQL, [id, token], statementName(FINISH_SQL, "jobs"));
}

const RETRY_SQL = `
  UPDATE "Job" SET "runAt" = now() + $3::int * interval '1 millisecond', "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = $4
  WHERE "id" = $1::bigint AND "lockedBy" = $2`;

/** Back in the queue, due after `delayMs` (counted on the database's clock, like every lease). */
export async function retryJobAfter(db: Database, id: string, token: string, delayMs: number, error: string): Promise<void> {
  await db.query(RETRY_SQL, [id, token, Math.round(delayMs), error], statementName(RETRY_SQL, "jobs"));
}

const GIVE_UP_SQL = `
  UPDATE "Job" SET "status" = 'FAILED', "finishedAt" = now(), "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = $3
  WHERE "id" = $1::bigint AND "lockedBy" = $2 RETURNING "id"`;

/** True when this attempt still owned the job (and gave it up). */
export async function giveUpJob(db: Database, id: string, token: string, error: string): Promise<boolean> {
  return (await db.query(GIVE_UP_SQL, [id, token, error], statementName(GIVE_UP_SQL, "jobs"))).length > 0;
}

const RENEW_SQL = `
  UPDATE "Job" j SET "lockedUntil" = now() + $3::int * interval '1 millisecond'
  FROM unnest($1::bigint[], $2::text[]) AS t("id", "token")
  WHERE j."id" = t."id" AND j."lockedBy" = t."token"
  RETURNING j."id"::text AS "id"`;

/** Extends the leases of running jobs; returns the ids still owned (the others were lost). */
export async function renewLeases(db: Database, jobs: { id: string; token: string }[], leaseMs: number): Promise<Set<string>> {
  if (jobs.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(RENEW_SQL, [jobs.map((j) => j.id), jobs.map((j) => j.token), leaseMs], statementName(RENEW_SQL, "jobs"));
  return new Set(rows.map((r) => r.id));
}

const RELEASE_SQL = `
  UPDATE "Job" j SET "lockedBy" = NULL, "lockedUntil" = NULL, "attempts" = j."attempts" - 1
  FROM unnest($1::bigint[], $2::text[]) AS t("id", "token")
  WHERE j."id" = t."id" AND j."lockedBy" = t."token"`;

/** Hands unfinished jobs back at shutdown, the attempt not counted: another instance takes them at once. */
export async function releaseJobs(db: Database, jobs: { id: string; token: string }[]): Promise<void> {
  if (jobs.length) await db.query(RELEASE_SQL, [jobs.map((j) => j.id), jobs.map((j) => j.token)]);
}
