// Putting work in the Job table. The insert's trigger NOTIFYs every worker
// (migration 20261205050000), delivered when the enqueuing transaction
// commits, so a job queued with a change starts right after it, never before.
import { database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";

export interface NewJob {
  kind: string;
  payload?: unknown;
  runAt?: Date;
  /** One at a time, in queue order, per group. */
  groupKey?: string;
  /** A few at a time per key. */
  limitKey?: string;
  /** A second job with the same key is not queued (singletons, periodic slots). */
  dedupeKey?: string;
}

/** The INSERT, to run in the caller's transaction or statement. */
export function enqueueSql(jobs: NewJob[]): Prisma.Sql {
  const rows = jobs.map(
    (j) => Prisma.sql`(${j.kind}::text, ${JSON.stringify(j.payload ?? {})}::jsonb, COALESCE(${j.runAt?.toISOString() ?? null}::timestamptz, now()),
      ${j.groupKey ?? null}::text, ${j.limitKey ?? null}::text, ${j.dedupeKey ?? null}::text)`,
  );
  return Prisma.sql`INSERT INTO "Job" ("kind", "payload", "runAt", "groupKey", "limitKey", "dedupeKey")
    VALUES ${Prisma.join(rows, ", ")} ON CONFLICT ("dedupeKey") DO NOTHING`;
}

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/** Queues jobs on their own, or inside the caller's Prisma transaction. */
export async function enqueueJobs(jobs: NewJob[], tx?: Tx): Promise<void> {
  if (jobs.length === 0) return;
  const statement = enqueueSql(jobs);
  if (tx) await tx.$executeRawUnsafe(statement.text, ...statement.values);
  else await database().query(statement.text, statement.values);
}
