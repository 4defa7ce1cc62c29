// The job worker on both databases: every job runs once however many workers
// claim (two pools and a second process on PostgreSQL; two workers in the one
// embedded process on PGlite), groups run in order, a key's concurrency is
// capped, failures retry with growing waits then give up, a dead worker's
// jobs are taken over after its lease, periodic jobs run once per period, and
// a stopping worker hands back what it could not finish.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { enqueueSql, type NewJob } from "@/lib/server/jobs/enqueue";
import { schedulePeriodic } from "@/lib/server/jobs/periodic";
import { claimJobs } from "@/lib/server/jobs/claim";
import { JobWorker, type WorkerOptions } from "@/lib/server/jobs/worker";
import { createRunTable, givenUp, testJobKinds } from "../support/job-kinds";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const FAST: Partial<WorkerOptions> = { pollMs: 100, leaseMs: 2000, concurrency: 8 };

interface Run {
  jobId: string;
  kind: string;
  worker: string;
  attempt: number;
  n: number;
  group: string | null;
  startedAt: number;
  endedAt: number | null;
}

async function until(check: () => Promise<boolean>, ms = 20_000, what = "condition") {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function spawnWorker(url: string, name: string, leaseMs: number): Promise<ChildProcess> {
  // node with tsx's loader in the same process (the tsx launcher would put a process in
  // between, and a SIGKILL to it would leave the worker running).
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/job-worker-child.ts", url, name, String(leaseMs)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      output += d;
      if (output.includes("ready")) resolve(child);
    });
    child.stderr!.on("data", (d) => (output += d));
    child.once("exit", (code) => reject(new Error(`worker process exited (${code}): ${output}`)));
  });
}

describe.each(availableKinds())("the job worker on %s", (kind) => {
  let t: TestDatabase;
  let url = "";
  const workers: JobWorker[] = [];
  const extraDbs: Database[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    await createRunTable(t.db);
    if (kind === "postgres") {
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${t.name}`;
      url = u.toString();
    }
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop(500)));
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await t.db.query(`DELETE FROM "Job"`, []);
    await t.db.query(`DELETE FROM "TestJobRun"`, []);
  });
  afterAll(async () => {
    await Promise.all(extraDbs.map((d) => d.close()));
    await t?.drop();
  });

  async function startWorker(name: string, db: Database = t.db, options: Partial<WorkerOptions> = {}) {
    const w = new JobWorker(db, testJobKinds(name), { ...FAST, ...options });
    await w.start();
    workers.push(w);
    return w;
  }

  /** Queues through the test's own database handle (enqueueJobs uses the app's). */
  async function queue(jobs: NewJob[]) {
    const statement = enqueueSql(jobs);
    await t.db.query(statement.text, statement.values);
  }

  const runs = async (): Promise<Run[]> =>
    (
      await t.db.query<Run>(
        `SELECT "jobId"::text AS "jobId", "kind", "worker", "attempt", "n", "group",
           (extract(epoch FROM "startedAt") * 1000)::float8 AS "startedAt", (extract(epoch FROM "endedAt") * 1000)::float8 AS "endedAt"
         FROM "TestJobRun" ORDER BY "startedAt"`,
        [],
      )
    ).map((r) => ({ ...r, n: Number(r.n), attempt: Number(r.attempt), startedAt: Number(r.startedAt), endedAt: r.endedAt === null ? null : Number(r.endedAt) }));
  const queued = async () => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "Job" WHERE "status" = 'QUEUED'`, []))[0].n);

  it("runs every job exactly once with several workers claiming at the same time", async () => {
    const total = 300;
    await queue(Array.from({ length: total }, (_, n) => ({ kind: "test.count", payload: { n } })));
    const ids = new Set((await t.db.query<{ id: string }>(`SELECT "id"::text AS "id" FROM "Job"`, [])).map((r) => r.id));
    await startWorker("a");
    if (kind === "postgres") {
      const second = openDatabase({ kind: "postgres", url, poolSize: 4 });
      extraDbs.push(second);
      await startWorker("b", second);
      children.push(await spawnWorker(url, "child", 2000));
    } else {
      await startWorker("b"); // PGlite is one process: two workers share it
    }
    await until(async () => (await queued()) === 0, 60_000, "the queue to drain");
    const all = (await runs()).filter((r) => ids.has(r.jobId));
    const perJob = new Map<string, number>();
    for (const r of all) perJob.set(r.jobId, (perJob.get(r.jobId) ?? 0) + 1);
    expect(perJob.size).toBe(total);
    expect([...perJob.values()].every((c) => c === 1)).toBe(true);
    const byWorker = new Set(all.map((r) => r.worker));
    expect(byWorker.size).toBeGreaterThan(1); // the work was shared
  });

  it("runs the jobs of a group one at a time, in the order they were queued", async () => {
    const jobs = ["g1", "g2", "g3"].flatMap((group) => Array.from({ length: 8 }, (_, n) => ({ kind: "test.count", payload: { n, group, workMs: 5 }, groupKey: group })));
    await queue(jobs);
    await startWorker("a");
    await startWorker("b");
    await until(async () => (await queued()) === 0, 30_000, "the groups to drain");
    for (const group of ["g1", "g2", "g3"]) {
      const mine = (await runs()).filter((r) => r.group === group);
      expect(mine.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      for (let i = 1; i < mine.length; i++) expect(mine[i].startedAt).toBeGreaterThanOrEqual(mine[i - 1].endedAt!);
    }
  });

  it("runs at most the limit of one key at once in one worker, while other keys go on", async () => {
    const jobs = [
      ...Array.from({ length: 8 }, (_, n) => ({ kind: "test.count", payload: { n, group: "slow", workMs: 300 }, limitKey: "slow" })),
      ...Array.from({ length: 8 }, (_, n) => ({ kind: "test.count", payload: { n, group: "fast" }, limitKey: "fast" })),
    ];
    await queue(jobs);
    await startWorker("a", t.db, { perKeyLimit: 2, concurrency: 8 });
    await until(async () => (await queued()) === 0, 30_000, "the keys to drain");
    const all = await runs();
    const slow = all.filter((r) => r.group === "slow");
    const overlap = Math.max(...slow.map((r) => slow.filter((o) => o.startedAt <= r.startedAt && o.endedAt! > r.startedAt).length));
    expect(overlap).toBeLessThanOrEqual(2);
    const fastDone = Math.max(...all.filter((r) => r.group === "fast").map((r) => r.endedAt!));
    const slowDone = Math.max(...slow.map((r) => r.endedAt!));
    expect(fastDone).toBeLessThan(slowDone - 500); // the fast key did not wait behind the slow one
  });

  it("retries a failing job with growing waits, then succeeds; gives up after the last attempt or at once when told", async () => {
    await queue([
      { kind: "test.flaky", payload: { n: 1, failures: 2 } },
      { kind: "test.flaky", payload: { n: 2, failures: 10 } },
      { kind: "test.permanent", payload: { n: 3 } },
    ]);
    const started = Date.now();
    await startWorker("a", t.db, { random: () => 0.5 });
    await until(async () => (await queued()) === 0, 30_000, "retries to end");
    const all = await runs();
    const flaky = all.filter((r) => r.n === 1);
    expect(flaky.map((r) => r.attempt)).toEqual([1, 2, 3]);
    // base 100 ms, doubling, jitter 0.5 => waits of 75 ms then 150 ms at least
    expect(flaky[1].startedAt - flaky[0].startedAt).toBeGreaterThanOrEqual(70);
    expect(flaky[2].startedAt - flaky[1].startedAt).toBeGreaterThanOrEqual(145);
    expect(all.filter((r) => r.n === 2).map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(all.filter((r) => r.n === 3).map((r) => r.attempt)).toEqual([1]);
    const failed = await t.db.query<{ lastError: string; attempts: number }>(`SELECT "lastError", "attempts" FROM "Job" WHERE "status" = 'FAILED' ORDER BY "id"`, []);
    expect(failed).toEqual([
      { lastError: "attempt 4 fails", attempts: 4 },
      { lastError: "cannot ever work", attempts: 1 },
    ]);
    expect(givenUp.length).toBeGreaterThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("takes over the jobs of a worker that died once their lease runs out", async () => {
    await queue(Array.from({ length: 4 }, (_, n) => ({ kind: "test.hang", payload: { n, hangIn: "dead" } })));
    if (kind === "postgres") {
      const child = await spawnWorker(url, "dead", 1000);
      children.push(child);
      // Every hang job started there (a loaded machine may pause the child past a lease: then it takes a job
      // again); the child also runs the periodic job of this hour, which is not one of them.
      await until(async () => new Set((await runs()).filter((r) => r.worker === "dead" && r.kind === "test.hang").map((r) => r.jobId)).size === 4, 20_000, "the child to take the jobs");
      child.kill("SIGKILL");
    } else {
      // One process: a claim that nobody runs is what a killed worker leaves behind.
      const claimed = await claimJobs(t.db, { kinds: ["test.hang"], count: 10, workerId: "dead", leaseMs: 1000, perKeyLimit: 4 });
      expect(claimed).toHaveLength(4);
    }
    const killedAt = Date.now();
    await startWorker("heir");
    await until(async () => (await queued()) === 0, 20_000, "the heir to finish the jobs");
    const heir = (await runs()).filter((r) => r.worker === "heir" && r.kind === "test.hang");
    expect(heir.map((r) => r.n).sort()).toEqual([0, 1, 2, 3]);
    expect(heir.every((r) => r.attempt >= 2 && r.endedAt !== null)).toBe(true);
    expect(Math.min(...heir.map((r) => r.startedAt))).toBeGreaterThan(killedAt - 1000 + 500); // not before the lease ran out
  });

  it("hands unfinished jobs back when stopping, so another worker takes them at once", async () => {
    await queue([{ kind: "test.hang", payload: { n: 7, hangIn: "stopping" } }]);
    const stopping = await startWorker("stopping", t.db, { leaseMs: 60_000 });
    await until(async () => (await runs()).some((r) => r.worker === "stopping"), 10_000, "the job to start");
    await stopping.stop(200);
    const [job] = await t.db.query<{ lockedBy: string | null; attempts: number }>(`SELECT "lockedBy", "attempts" FROM "Job" WHERE "kind" = 'test.hang'`, []);
    expect(job).toEqual({ lockedBy: null, attempts: 0 });
    await startWorker("next");
    await until(async () => (await queued()) === 0, 10_000, "the next worker to finish it");
    expect((await runs()).filter((r) => r.worker === "next" && r.kind === "test.hang").map((r) => r.attempt)).toEqual([1]);
  });

  it("queues a periodic job once per period however many instances schedule it", async () => {
    const definitions = testJobKinds("x");
    const now = Date.parse("2020-01-06T10:20:00Z");
    await Promise.all([schedulePeriodic(t.db, definitions, now), schedulePeriodic(t.db, definitions, now + 1000), schedulePeriodic(t.db, definitions, now + 60_000)]);
    const rows = await t.db.query<{ dedupeKey: string }>(`SELECT "dedupeKey" FROM "Job" WHERE "kind" = 'test.periodic' AND "dedupeKey" LIKE '%2020-01-06%'`, []);
    expect(rows).toEqual([{ dedupeKey: "test.periodic@2020-01-06T10:00:00.000Z" }]);
    await startWorker("a");
    await until(async () => (await queued()) === 0, 10_000, "the periodic jobs to run");
    // Done, its slot is kept: scheduling the same period again queues nothing.
    await schedulePeriodic(t.db, definitions, now + 120_000);
    const after = await t.db.query<{ status: string }>(`SELECT "status"::text AS "status" FROM "Job" WHERE "dedupeKey" LIKE 'test.periodic@2020-01-06%'`, []);
    expect(after).toEqual([{ status: "DONE" }]);
  });
});
