// Tells a lost or unreachable database apart from every other failure, so
// that it is answered with 503 (try again) instead of a 500 (our bug). The
// error arrives in several wrappings: node-postgres' own errors, Prisma's
// driver-adapter errors (`meta.driverAdapterError.cause.kind`) and Prisma's
// connection error codes.

// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out,
// P1017 server closed the connection, P2024 pool timeout, P2028 a transaction
// could not start in time (no connection came back within maxWait).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// PostgreSQL: class 08 (connection exception), 57P01-57P03 (shutdown, crash
// shutdown, cannot connect now: starting up or shutting down), 53300 too many connections.
const SQLSTATE = /^(08\w{3}|57P0[123]|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to|Client has encountered a connection error/i;

interface Inspectable {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } } };
}

function codeMatches(code: unknown): boolean {
  return typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code));
}

export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as Inspectable;
  if (codeMatches(e.code)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    if (typeof adapterCause.kind === "string" && ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (codeMatches(adapterCause.originalCode) || (adapterCause.kind === "postgres" && codeMatches(adapterCause.code))) return true;
  }
  const cause = e.cause as { kind?: unknown } | undefined;
  if (typeof cause?.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isConnectionError(e.cause, depth + 1);
}
