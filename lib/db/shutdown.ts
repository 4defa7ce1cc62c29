// Graceful shutdown. On SIGTERM/SIGINT, Next.js stops accepting connections,
// waits for in-flight requests and then calls process.exit(); the database
// must be closed after those requests and before the exit, so the exit is
// deferred until it is (PGlite then shuts down cleanly with a checkpoint).
import { logger } from "../server/logger";
import { closeDatabase } from "./index";

let installed = false;

export function closeDatabaseBeforeExit(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      closeDatabase()
        .then(() => logger.info("database closed"))
        .catch((error: unknown) => logger.error({ err: error }, "closing the database failed"))
        .finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
