// The job worker that runs inside every app process (started by
// instrumentation.ts after the database is ready; lib/server/jobs/start.ts).
// It claims due jobs up to its concurrency, runs their handlers, and keeps
// their leases alive while they run. It wakes when a job is queued (NOTIFY on
// "pcrm_jobs") and polls as a fallback. Several processes on one database
// share the work through the claim (claim.ts); nothing here is shared state.
import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db";
import { nextAttemptAt } from "@/lib/domain/backoff";
import { logger } from "@/lib/log";
import { JOBS_CHANNEL } from "../bus";
import { claimJobs, finishJob, giveUpJob, releaseJobs, renewLeases, retryJobAfter, tokenOf } from "./claim";
import { PermanentJobError, type ClaimedJob, type JobDefinition } from "./definitions";
import { schedulePeriodic } from "./periodic";

export interface WorkerOptions {
  /** Jobs run at once by this process. */
  concurrency: number;
  /** How long a claim holds a job; renewed every third of it while the handler runs. */
  leaseMs: number;
  /** Poll interval when no notification arrives (also the periodic jobs' check). */
  pollMs: number;
  /** At most this many jobs of one limitKey run at once (per claim). */
  perKeyLimit: number;
  /** Randomness for the retry jitter (tests pass a fixed one). */
  random?: () => number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = { concurrency: 8, leaseMs: 30_000, pollMs: 2_000, perKeyLimit: 4 };

interface Running {
  job: ClaimedJob;
  token: string;
  abort: AbortController;
  done: Promise<void>;
}

export class JobWorker {
  readonly id = randomUUID().slice(0, 8);
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly running = new Map<string, Running>();
  private stopping = false;
  private loopDone: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private wakePending = false;
  private renewTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private lastPeriodic = 0;
  private readonly options: WorkerOptions;

  constructor(
    private readonly db: Database,
    definitions: JobDefinition[],
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
    for (const d of definitions) this.definitions.set(d.kind, d);
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(JOBS_CHANNEL, { onNotify: () => this.wake(), onResume: () => this.wake() });
    this.renewTimer = setInterval(() => void this.renew(), Math.max(200, Math.floor(this.options.leaseMs / 3)));
    this.renewTimer.unref();
    this.loopDone = this.loop();
  }

  /** Jobs running now (for tests and the shutdown log). */
  get busy(): number {
    return this.running.size;
  }

  wake(): void {
    this.wakePending = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    const kinds = [...this.definitions.keys()];
    while (!this.stopping) {
      this.wakePending = false;
      await this.schedulePeriodicJobs();
      const free = this.options.concurrency - this.running.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const jobs = await claimJobs(this.db, { kinds, count: free, workerId: this.id, leaseMs: this.options.leaseMs, perKeyLimit: this.options.perKeyLimit });
          claimed = jobs.length;
          for (const job of jobs) this.run(job);
        } catch (error) {
          logger.warn({ err: error }, "claiming jobs failed; trying again at the next poll");
        }
      }
      // A full claim may have left more behind; otherwise wait for a notification, a free slot or the poll.
      if (this.stopping || (claimed > 0 && claimed === free)) continue;
      if (!this.wakePending) await this.sleep(this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private async schedulePeriodicJobs() {
    const now = Date.now();
    if (now - this.lastPeriodic < Math.max(this.options.pollMs, 30_000) && this.lastPeriodic !== 0) return;
    this.lastPeriodic = now;
    try {
      await schedulePeriodic(this.db, [...this.definitions.values()], now);
    } catch (error) {
      logger.warn({ err: error }, "scheduling periodic jobs failed");
    }
  }

  private run(job: ClaimedJob) {
    const definition = this.definitions.get(job.kind)!;
    const token = tokenOf(this.id, job);
    const abort = new AbortController();
    const started = performance.now();
    const ctx = { db: this.db, signal: abort.signal };
    const entry: Running = { job, token, abort, done: Promise.resolve() };
    entry.done = (async () => {
      let outcome = "done";
      try {
        await definition.run(job.payload, job, ctx);
        if (!abort.signal.aborted) await finishJob(this.db, job.id, token);
      } catch (error) {
        if (abort.signal.aborted) outcome = "released";
        else outcome = await this.failed(definition, job, token, error, ctx);
      } finally {
        this.running.delete(job.id);
        logger.debug({ job: job.kind, jobId: job.id, attempt: job.attempt, outcome, durationMs: Math.round(performance.now() - started) }, "job");
        this.wake();
      }
    })().catch((error: unknown) => logger.error({ err: error, jobId: job.id }, "recording a job's outcome failed; its lease will expire and it runs again"));
    this.running.set(job.id, entry);
  }

  private async failed(definition: JobDefinition, job: ClaimedJob, token: string, error: unknown, ctx: { db: Database; signal: AbortSignal }): Promise<string> {
    const message = String((error as Error)?.message ?? error).slice(0, 2000);
    const at = error instanceof PermanentJobError ? null : nextAttemptAt(job.attempt, job.createdAt, Date.now(), definition.retry, (this.options.random ?? Math.random)());
    if (at !== null) {
      await retryJobAfter(this.db, job.id, token, at - Date.now(), message);
      return "retry";
    }
    if ((await giveUpJob(this.db, job.id, token, message)) && definition.onGiveUp) {
      await definition.onGiveUp(job.payload, job, error, ctx);
    }
    logger.warn({ job: job.kind, jobId: job.id, attempt: job.attempt, error: message }, "job given up");
    return "failed";
  }

  private async renew() {
    if (this.running.size === 0) return;
    const entries = [...this.running.values()];
    try {
      const owned = await renewLeases(this.db, entries.map((e) => ({ id: e.job.id, token: e.token })), this.options.leaseMs);
      for (const e of entries) {
        // Lost (another instance took it after this one stalled past the lease): stop working on it.
        if (!owned.has(e.job.id) && this.running.has(e.job.id)) e.abort.abort(new Error("lease lost"));
      }
    } catch (error) {
      logger.warn({ err: error }, "renewing job leases failed; retrying");
    }
  }

  /**
   * Stops claiming at once, lets running jobs finish for up to `graceMs`, then
   * aborts the rest and hands them back (not counted as attempts), so that
   * another instance or the next start takes them over without waiting for the lease.
   */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.stopping) return this.loopDone ?? undefined;
    this.stopping = true;
    this.wakeUp?.();
    await this.loopDone;
    const all = () => Promise.all([...this.running.values()].map((r) => r.done));
    await Promise.race([all(), new Promise((r) => setTimeout(r, graceMs).unref())]);
    const left = [...this.running.values()];
    for (const r of left) r.abort.abort(new Error("shutting down"));
    if (left.length) {
      await releaseJobs(this.db, left.map((r) => ({ id: r.job.id, token: r.token }))).catch((error: unknown) =>
        logger.warn({ err: error }, "handing unfinished jobs back failed; their leases will expire"),
      );
      logger.info({ released: left.length }, "unfinished jobs handed back");
    }
    if (this.renewTimer) clearInterval(this.renewTimer);
    await this.unlisten?.().catch(() => {});
  }
}
