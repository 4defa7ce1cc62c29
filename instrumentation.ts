import type { Instrumentation } from "next";

// Next.js calls register() once per server process before it serves requests:
// the process that serves is the one that owns the (embedded) database.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootDatabase } = await import("./lib/db/boot");
    const { closeDatabaseBeforeExit } = await import("./lib/db/shutdown");
    const { logHttpRequests } = await import("./lib/server/request-log");
    const { ignoreUntrustedForwardedHeaders } = await import("./lib/server/forwarded-headers");
    ignoreUntrustedForwardedHeaders();
    logHttpRequests();
    closeDatabaseBeforeExit();
    await bootDatabase();
    const { startBackgroundWork } = await import("./lib/server/jobs/start");
    await startBackgroundWork();
  }
}

/** Errors thrown while rendering a page or running a route or action: logged as JSON under the request's id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/server/request-log");
  logRequestError(error, request, context);
};
