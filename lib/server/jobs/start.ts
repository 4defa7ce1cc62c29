// Starts the background work of an app process once its database is ready
// (instrumentation.ts): the job worker and the outbox readers. Nothing here
// is a separate service: every instance runs the same loop and the database
// decides who does what (SKIP LOCKED claims, a locked cursor per reader).
import { database, type Database } from "@/lib/db";
import { onShutdown } from "@/lib/db/shutdown";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { OutboxConsumer } from "../events/consumer";
import { outboxConsumers } from "./consumers";
import { jobDefinitions } from "./handlers";
import { JobWorker } from "./worker";

/** How long a stopping process lets running jobs finish before handing them back. */
const SHUTDOWN_GRACE_MS = 5_000;
const OUTBOX_POLL_MS = 2_000;

export async function startBackgroundWork(db: Database = database()): Promise<void> {
  const e = env();
  const worker = new JobWorker(db, jobDefinitions(), { concurrency: e.JOB_CONCURRENCY, leaseMs: e.JOB_LEASE_SECONDS * 1000 });
  const consumers = outboxConsumers().map((c) => new OutboxConsumer(db, c, OUTBOX_POLL_MS));
  await worker.start();
  for (const c of consumers) await c.start();
  logger.info({ workerId: worker.id, concurrency: e.JOB_CONCURRENCY }, "background work started");
  onShutdown(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await worker.stop(SHUTDOWN_GRACE_MS);
  });
}
