// Job kinds for the worker's tests. Each run is written to a table of the
// test database ("TestJobRun": when it started and ended, by which worker,
// which attempt), so that runs are counted at the database, across pools and
// processes alike.
import type { Database } from "@/lib/db";
import { defineJob, PermanentJobError, type ClaimedJob, type JobContext, type JobDefinition } from "@/lib/server/jobs/definitions";

export async function createRunTable(db: Database): Promise<void> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS "TestJobRun" ("jobId" bigint, "kind" text, "worker" text, "attempt" int, "n" int, "group" text,
       "startedAt" timestamptz DEFAULT clock_timestamp(), "endedAt" timestamptz)`,
    [],
  );
}

export interface TestPayload {
  n?: number;
  group?: string;
  /** test.hang: the worker that hangs on it (others finish it). */
  hangIn?: string;
  /** test.flaky: attempts that fail before one succeeds. */
  failures?: number;
  workMs?: number;
}

async function recorded(db: Database, job: ClaimedJob, worker: string, work: () => Promise<void>) {
  const p = job.payload as TestPayload;
  const [row] = await db.query<{ ctid: string }>(
    `INSERT INTO "TestJobRun" ("jobId", "kind", "worker", "attempt", "n", "group") VALUES ($1::bigint, $2, $3, $4::int, $5::int, $6) RETURNING ctid::text AS "ctid"`,
    [job.id, job.kind, worker, job.attempt, p.n ?? 0, p.group ?? null],
  );
  await work();
  await db.query(`UPDATE "TestJobRun" SET "endedAt" = clock_timestamp() WHERE ctid = $1::tid`, [row.ctid]);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });

export const givenUp: string[] = [];

export function testJobKinds(worker: string): JobDefinition[] {
  const retry = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 400 };
  const run = (body: (p: TestPayload, job: ClaimedJob, ctx: JobContext) => Promise<void>) => (payload: unknown, job: ClaimedJob, ctx: JobContext) =>
    recorded(ctx.db, job, worker, () => body(payload as TestPayload, job, ctx));
  return [
    defineJob({
      kind: "test.count",
      retry,
      run: run(async (p, _job, ctx) => {
        if (p.workMs) await sleep(p.workMs, ctx.signal);
      }),
    }),
    defineJob({
      kind: "test.hang",
      retry,
      run: run(async (p, _job, ctx) => {
        if (p.hangIn === worker) await sleep(3_600_000, ctx.signal);
      }),
    }),
    defineJob({
      kind: "test.flaky",
      retry,
      run: run(async (p, job) => {
        if (job.attempt <= (p.failures ?? 0)) throw new Error(`attempt ${job.attempt} fails`);
      }),
      async onGiveUp(_payload, job) {
        givenUp.push(job.id);
      },
    }),
    defineJob({
      kind: "test.permanent",
      retry,
      run: run(async () => {
        throw new PermanentJobError("cannot ever work");
      }),
      async onGiveUp(_payload, job) {
        givenUp.push(job.id);
      },
    }),
    defineJob({ kind: "test.periodic", retry, everyMs: 3_600_000, run: run(async () => {}) }),
  ];
}
