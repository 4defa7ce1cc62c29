// The PostgreSQL connection pool, set up to fail fast and heal by itself:
// - connecting gives up after connectTimeoutMs (a server that is down or
//   frozen must not hold requests for minutes);
// - every statement is limited by statementTimeoutMs on the server, and the
//   client stops waiting shortly after (a frozen server cannot cancel);
// - sessions left idle inside a transaction are ended by the server, so a
//   stuck app instance cannot hold row locks for ever;
// - TCP keep-alive notices a server that vanished without closing sockets;
// - every client has an 'error' listener: a connection lost while it is
//   checked out or idle must not become an unhandled 'error' event, which
//   would crash the process (pg-pool only listens on idle clients);
// - lost and refused connections and successful round trips are reported to
//   the availability tracker (availability.ts), which probes through it.
import pg from "pg";
import { registerDatabaseProbe, reportDatabaseFailure, reportDatabaseSuccess } from "./availability";
import { isConnectionError } from "./connection-errors";

export interface PoolSettings {
  url: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

/** How long the client waits past the server's statement timeout before giving up on a silent server. */
const CLIENT_GRACE_MS = 1000;
const IDLE_IN_TRANSACTION_MS = 60_000;

export function connectionOptions(settings: PoolSettings): pg.ClientConfig {
  return {
    connectionString: settings.url,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

const READ_TIMEOUT = "Query read timeout"; // node-postgres' message when query_timeout fires

/**
 * A client that closes its connection when a query times out on the client
 * side. node-postgres only gives up waiting: the connection stays open with
 * the statement still running on the server, and a transaction's ROLLBACK,
 * queued behind it, is dropped. Reused from the pool, that connection would
 * let the next borrower's COMMIT commit the abandoned half of a transaction.
 * Closing it makes the server roll that transaction back instead.
 */
class GuardedClient extends pg.Client {
  // node-postgres' query() has many overloads; this passes every form through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args.length - 1;
    const original = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    if (typeof args[last] === "function") {
      const callback = args[last] as (err: unknown, result: unknown) => void;
      args[last] = (err: unknown, result: unknown) => {
        this.closeIfTimedOut(err);
        callback(err, result);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as { then?: unknown; catch?: (f: (e: unknown) => never) => unknown } | undefined;
    if (typeof result?.then !== "function" || !result.catch) return result;
    return result.catch((error: unknown) => {
      this.closeIfTimedOut(error);
      throw error;
    });
  }

  private closeIfTimedOut(error: unknown) {
    if (error instanceof Error && error.message === READ_TIMEOUT) this.connection.stream.destroy();
  }
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

function noteConnectFailure(error: unknown) {
  if (isConnectionError(error)) reportDatabaseFailure();
}

/** A pg.Pool that reports refused connections (pg-pool emits no event for them). PrismaPg accepts it: it is a pg.Pool. */
class ObservedPool extends pg.Pool {
  connect(): Promise<pg.PoolClient>;
  connect(callback: ConnectCallback): void;
  connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (callback) {
      return super.connect((err, client, done) => {
        if (err) noteConnectFailure(err);
        callback(err, client, done);
      });
    }
    return super.connect().catch((error: unknown) => {
      noteConnectFailure(error);
      throw error;
    });
  }
}

export function createPostgresPool(settings: PoolSettings): pg.Pool {
  const pool = new ObservedPool({
    ...connectionOptions(settings),
    Client: GuardedClient,
    max: settings.poolSize,
    statement_timeout: settings.statementTimeoutMs,
    query_timeout: settings.statementTimeoutMs + CLIENT_GRACE_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
  });
  pool.on("connect", (client) => {
    reportDatabaseSuccess();
    client.on("error", () => reportDatabaseFailure());
  });
  // An idle client whose server went away (restart, failover): pg-pool drops it.
  pool.on("error", () => reportDatabaseFailure());
  // A transaction's client comes back without an error even when its connection
  // broke; pg-pool's own health flags (what it checks before reusing a client) tell.
  pool.on("release", (err: Error | undefined, client: pg.PoolClient & { _queryable?: boolean; _ending?: boolean }) => {
    if (!err && client._queryable !== false && !client._ending) reportDatabaseSuccess();
  });
  // A probe waits no longer than a connection attempt may, even on a frozen server.
  // (node-postgres reads a per-query query_timeout; its types do not list it.)
  const probe = { text: "SELECT 1", query_timeout: settings.connectTimeoutMs } as pg.QueryConfig;
  registerDatabaseProbe(() => pool.query(probe));
  return pool;
}
