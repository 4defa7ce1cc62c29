// LISTEN on PostgreSQL: one dedicated connection per process (outside the
// pool: a pooled connection would be handed to other queries), shared by
// every channel and subscriber. When the connection is lost it reconnects
// with a growing pause and LISTENs again, then tells each subscriber through
// onResume: notifications sent while it was away are lost, so readers catch
// up from the outbox, never from the notifications themselves.
import pg from "pg";
import { logger } from "../log";

export interface Subscription {
  onNotify(payload: string): void;
  /** Called after a reconnection: whatever was sent meanwhile is gone; read the source again. */
  onResume?(): void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

export class PostgresListener {
  private client: pg.Client | null = null;
  private readonly channels = new Map<string, Set<Subscription>>();
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: pg.ClientConfig) {}

  async listen(channel: string, subscription: Subscription): Promise<() => Promise<void>> {
    let set = this.channels.get(channel);
    const first = !set;
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(subscription);
    await this.connect();
    if (first && this.client) await this.client.query(`LISTEN "${channel}"`).catch(() => this.lost());
    return async () => {
      set.delete(subscription);
      if (set.size === 0 && this.channels.get(channel) === set) {
        this.channels.delete(channel);
        await this.client?.query(`UNLISTEN "${channel}"`).catch(() => {});
      }
    };
  }

  private connect(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client(this.options);
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (n) => {
      for (const s of this.channels.get(n.channel) ?? []) s.onNotify(n.payload ?? "");
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      logger.warn({ err: error, retryMs: this.retryMs }, "notification listener cannot connect; retrying");
      this.scheduleRetry();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    const resumed = this.retryMs > RETRY_MIN_MS;
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    if (resumed) for (const set of this.channels.values()) for (const s of set) s.onResume?.();
  }

  private lost(client: pg.Client | null = this.client) {
    if (!client || client !== this.client) return;
    this.client = null;
    client.removeAllListeners();
    client.on("error", () => {});
    void client.end().catch(() => {});
    if (this.closed) return;
    logger.warn("notification listener lost its connection; reconnecting");
    this.retryMs = Math.max(this.retryMs, RETRY_MIN_MS * 2); // marks the next connection as a resumption
    this.scheduleRetry();
  }

  private scheduleRetry() {
    if (this.closed || this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, wait);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = null;
    this.channels.clear();
    if (client) {
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
    }
  }
}
