// The live-update hub of one app process: ONE subscription to the bus and ONE
// reader of the outbox per process, however many browser tabs are connected.
// On each `pcrm_events` notice (and on a 1 s poll, which covers an event held
// back by an older open transaction, and a LISTEN connection that came back),
// it reads the outbox's new events once, in order, below the readers' horizon
// (pg_snapshot_xmin, as the feed does), re-checks the sessions of the connected
// users in one statement (an ended session, a deactivated user or a changed
// role take effect at the next batch), and hands each stream the events its
// user may see (projectedType: the same rule as the feed's SQL), "<record>.hidden"
// to those who lost sight of a record, nothing at all to the others.
// The hub lives on globalThis: Next.js may load this module once per bundle.
import { database } from "@/lib/db";
import { onShutdown } from "@/lib/db/shutdown";
import { projectedType, type StoredAudience } from "@/lib/domain/event-audience";
import { logger } from "@/lib/log";
import { SESSION_MAX_AGE_SECONDS } from "../sessions/store";
import { onEvents } from "../bus";
import { encodeCursor, parseCursor, type OutboxPosition } from "../events/cursor";

/** What a browser receives about a change: ids and kinds (the page fetches what it shows). */
export interface LiveEvent {
  /** Outbox position, sent as the SSE id (Last-Event-ID on reconnection). */
  cursor: string;
  type: string;
  recordType: string;
  id: string;
  /** The rest only with the full event, never with "<record>.hidden". */
  version?: number;
  pipelineId?: string;
  stageId?: string;
  opportunityId?: string;
}

/** The record's fields a live event carries, from the event's stored DTO. */
export interface LiveFields {
  version?: unknown;
  pipelineId?: unknown;
  stageId?: unknown;
  opportunityId?: unknown;
}

/** The live event for a reader that receives `type` (the projected type) of an event. */
export function liveEvent(cursor: string, type: string, recordType: string, id: string, data: LiveFields | null): LiveEvent {
  const event: LiveEvent = { cursor, type, recordType, id };
  if (!data || type.endsWith(".hidden")) return event;
  if (typeof data.version === "number" || typeof data.version === "string") event.version = Number(data.version);
  if (typeof data.pipelineId === "string") event.pipelineId = data.pipelineId;
  if (typeof data.stageId === "string") event.stageId = data.stageId;
  if (typeof data.opportunityId === "string") event.opportunityId = data.opportunityId;
  return event;
}

export interface LiveClient {
  userId: string;
  sessionId: string;
  seesEverything: boolean;
  /** A batch the client may see (possibly empty) and the outbox position after it. */
  deliver(events: LiveEvent[], position: OutboxPosition): void;
  /** The hub drops the client (session ended, shutdown). */
  end(reason: string): void;
}

interface OutboxRow extends StoredAudience {
  xid: string;
  seq: string;
  recordId: string;
  fields: LiveFields | null;
}

const BATCH = 500;
const POLL_MS = 1000;

const TAIL_SQL = `SELECT "xid"::text AS "xid", "seq"::text AS "seq" FROM "Event"
  WHERE "xid" < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY "xid" DESC, "seq" DESC LIMIT 1`;

const BATCH_SQL = `SELECT e."xid"::text AS "xid", e."seq"::text AS "seq", e."type", e."recordType", e."recordId",
    e."isPrivate", e."visibleTo", e."priorPrivate", e."priorVisibleTo",
    CASE WHEN e."data" IS NULL THEN NULL ELSE jsonb_build_object('version', e."data"->'version', 'pipelineId', e."data"->'pipelineId',
      'stageId', e."data"->'stageId', 'opportunityId', e."data"->'opportunityId') END AS "fields"
  FROM "Event" e
  WHERE (e."xid", e."seq") > ($1::text::xid8, $2::bigint) AND e."xid" < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY e."xid", e."seq" LIMIT ${BATCH}`;

const SESSIONS_SQL = `SELECT s."id", u."role"::text AS "role" FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."id" = ANY($1::text[]) AND u."active" = TRUE AND s."lastSeenAt" > now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`;

export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private position: OutboxPosition | null = null;
  private starting: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  get size(): number {
    return this.clients.size;
  }

  /** Adds a client; resolves with the position from which the hub will deliver to it. */
  async add(client: LiveClient): Promise<OutboxPosition> {
    if (!this.starting) this.starting = this.start().catch((error) => {
      this.starting = null;
      throw error;
    });
    await this.starting;
    // Nobody was listening: the position is stale, start from the outbox's end again.
    if (this.clients.size === 0 && !this.running) await this.readTail();
    // A batch being read now may end before or after this position: the
    // client skips what its own catch-up already gave it (by cursor).
    this.clients.add(client);
    return this.position!;
  }

  remove(client: LiveClient): void {
    this.clients.delete(client);
  }

  /** Ends every stream (shutdown: Next.js waits for open requests before it exits). */
  async closeAll(reason: string): Promise<void> {
    for (const client of [...this.clients]) client.end(reason);
    this.clients.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    this.starting = null;
  }

  private async readTail(): Promise<void> {
    this.position = parseCursor(await outboxTail());
  }

  private async start(): Promise<void> {
    this.unlisten = await onEvents(() => this.kick());
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  /** Reads now, or again right after the read in progress. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.clients.size === 0 || !this.position) return;
    this.running = this.drain()
      .catch((error) => logger.warn({ err: error }, "live updates: reading the outbox failed; retrying at the next poll"))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no read is in progress (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const from = this.position!;
      const rows = await database().query<OutboxRow>(BATCH_SQL, [from.xid, from.seq]);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      const position = { xid: last.xid, seq: String(last.seq) };
      this.position = position;
      await this.dispatch(rows, position);
      if (rows.length < BATCH) return;
    }
  }

  private async dispatch(rows: OutboxRow[], position: OutboxPosition): Promise<void> {
    const clients = [...this.clients];
    if (clients.length === 0) return;
    const sessions = await database().query<{ id: string; role: string }>(SESSIONS_SQL, [[...new Set(clients.map((c) => c.sessionId))]]);
    const roles = new Map(sessions.map((s) => [s.id, s.role]));
    for (const client of clients) {
      if (!this.clients.has(client)) continue;
      const role = roles.get(client.sessionId);
      if (!role) {
        this.clients.delete(client);
        client.end("session ended");
        continue;
      }
      client.seesEverything = role === "ADMIN" || role === "MANAGER";
      const viewer = { userId: client.userId, seesEverything: client.seesEverything };
      const events: LiveEvent[] = [];
      for (const row of rows) {
        const type = projectedType(viewer, row);
        if (type) events.push(liveEvent(encodeCursor({ xid: row.xid, seq: String(row.seq) }), type, row.recordType, row.recordId, row.fields));
      }
      client.deliver(events, position);
    }
  }
}

/** The outbox's readable end now, as a cursor: where a page rendered now starts following (`?after=`). */
export async function outboxTail(): Promise<string> {
  const [tail] = await database().query<{ xid: string; seq: string }>(TAIL_SQL, []);
  return tail ? encodeCursor({ xid: tail.xid, seq: String(tail.seq) }) : "0.0";
}

const globalRef = globalThis as unknown as { __pipelineLiveHub?: LiveHub };

export function liveHub(): LiveHub {
  if (!globalRef.__pipelineLiveHub) {
    const hub = (globalRef.__pipelineLiveHub = new LiveHub());
    onShutdown(() => hub.closeAll("shutdown"));
  }
  return globalRef.__pipelineLiveHub;
}
