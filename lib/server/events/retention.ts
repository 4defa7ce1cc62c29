// Retention, once an hour (a periodic singleton job): events older than
// EVENT_RETENTION_DAYS go, with their webhook deliveries and attempts (foreign
// keys cascade), as do test deliveries and finished jobs of the same age.
// Events are cut at a position of the outbox, not only by time: the mark is
// written first, so the feed can tell a reader whose cursor lies before it
// that events were lost (410) instead of skipping them silently.
import type { Database } from "@/lib/db";
import { DEFAULT_RETRY, defineJob } from "../jobs/definitions";
import { RETENTION_CURSOR } from "./retention-mark";

const BATCH = 5000;

export interface RetentionResult {
  events: number;
  deliveries: number;
  jobs: number;
}

export async function deleteExpired(db: Database, days: number, now = new Date()): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const [mark] = await db.query<{ xid: string; seq: string }>(
    `WITH cut AS (
       SELECT e."xid", e."seq" FROM "Event" e
       WHERE e."occurredAt" < $1::timestamptz AND e."xid" < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY e."xid" DESC, e."seq" DESC LIMIT 1)
     INSERT INTO "OutboxCursor" ("name", "xid", "seq", "updatedAt")
     SELECT $2::text, cut."xid"::text, cut."seq", now() FROM cut
     ON CONFLICT ("name") DO UPDATE SET "xid" = EXCLUDED."xid", "seq" = EXCLUDED."seq", "updatedAt" = now()
     RETURNING "xid", "seq"::text AS "seq"`,
    [cutoff, RETENTION_CURSOR],
  );
  let events = 0;
  if (mark) {
    for (;;) {
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (
           DELETE FROM "Event" WHERE "id" IN (
             SELECT "id" FROM "Event" WHERE ("xid", "seq") <= ($1::text::xid8, $2::bigint) LIMIT ${BATCH})
           RETURNING 1)
         SELECT count(*)::int AS "n" FROM gone`,
        [mark.xid, mark.seq],
      );
      events += Number(rows[0].n);
      if (Number(rows[0].n) < BATCH) break;
    }
  }
  const [tests] = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM "WebhookDelivery" WHERE "eventId" IS NULL AND "createdAt" < $1::timestamptz RETURNING 1) SELECT count(*)::int AS "n" FROM gone`,
    [cutoff],
  );
  const [jobs] = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM "Job" WHERE "status" <> 'QUEUED' AND "finishedAt" < $1::timestamptz RETURNING 1) SELECT count(*)::int AS "n" FROM gone`,
    [cutoff],
  );
  return { events, deliveries: Number(tests.n), jobs: Number(jobs.n) };
}

export const retentionJob = (days: () => number) =>
  defineJob({
    kind: "events.retention",
    everyMs: 3_600_000,
    retry: DEFAULT_RETRY,
    async run(_payload, _job, ctx) {
      await deleteExpired(ctx.db, days());
    },
  });
