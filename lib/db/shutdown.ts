// Graceful shutdown. On SIGTERM/SIGINT, Next.js stops accepting connections,
// waits for in-flight requests and then calls process.exit(); the database
// must be closed after those requests and before the exit, so the exit is
// deferred until it is (PGlite then shuts down cleanly with a checkpoint).
import { logger } from "../log";
import { closeDatabase } from "./index";

// On globalThis: Next.js may load this module once per bundle, and a step
// registered from a route's bundle must run too.
const shared = globalThis as unknown as { __pipelineShutdown?: { installed: boolean; steps: (() => Promise<void>)[] } };
const state = (shared.__pipelineShutdown ??= { installed: false, steps: [] });
const steps = state.steps;

/**
 * Work to wind down when the signal arrives (the job worker stops claiming and
 * finishes or hands back what it runs), in parallel with Next.js draining
 * requests; the database closes only after every step has ended.
 */
export function onShutdown(step: () => Promise<void>): void {
  steps.push(step);
}

export function closeDatabaseBeforeExit(): void {
  if (state.installed) return;
  state.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const wound = Promise.all(steps.map((step) => step().catch((error: unknown) => logger.error({ err: error }, "a shutdown step failed"))));
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      wound
        .then(() => closeDatabase())
        .then(() => logger.info("database closed"))
        .catch((error: unknown) => logger.error({ err: error }, "closing the database failed"))
        .finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
