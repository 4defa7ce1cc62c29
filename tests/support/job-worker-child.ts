// A job worker in a process of its own, for the tests that need a second
// instance or one to kill: `tsx tests/support/job-worker-child.ts <url> <name> <leaseMs>`.
// Prints "ready" once it listens and claims.
import { openDatabase } from "@/lib/db/database";
import { JobWorker } from "@/lib/server/jobs/worker";
import { testJobKinds } from "./job-kinds";

const [url, name, leaseMs] = process.argv.slice(2);
const db = openDatabase({ kind: "postgres", url, poolSize: 4 });
const worker = new JobWorker(db, testJobKinds(name), { concurrency: 8, leaseMs: Number(leaseMs), pollMs: 100 });
await worker.start();
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void worker.stop(2000).then(() => db.close()).then(() => process.exit(0));
});
