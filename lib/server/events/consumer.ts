// A reader of the outbox that must handle every event exactly once across all
// app instances (the webhook dispatcher): its position is a row of
// OutboxCursor, locked FOR UPDATE SKIP LOCKED by the one instance that reads
// at a time, and moved in the same transaction as the work done for the
// batch. It runs when an event is committed (NOTIFY), after a lost LISTEN
// connection comes back, and on a poll; within a process one run at a time,
// run again when events arrived meanwhile.
import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/log";
import { onEvents } from "../bus";
import type { OutboxPosition } from "./cursor";

export type SqlTx = Prisma.TransactionClient;

export interface OutboxConsumerDefinition {
  /** The OutboxCursor row's name. */
  name: string;
  batchSize: number;
  /** Handles the events after `from` up to and including `to`, inside the transaction that moves the cursor. */
  handle(tx: SqlTx, from: OutboxPosition, to: OutboxPosition): Promise<void>;
}

/** Retry soon when another instance holds the cursor: its run may end before the newest events were readable. */
const BUSY_RETRY_MS = 250;

/** One batch: the number of events handled, or "busy" when another instance holds the cursor. */
export async function consumeBatch(db: Database, c: OutboxConsumerDefinition): Promise<number | "busy"> {
  return db.prisma.$transaction(async (tx) => {
    const [cursor] = await tx.$queryRawUnsafe<{ xid: string; seq: string }[]>(
      `SELECT "xid", "seq"::text AS "seq" FROM "OutboxCursor" WHERE "name" = $1 FOR UPDATE SKIP LOCKED`,
      c.name,
    );
    if (!cursor) {
      // Missing (first run: start from now, not from the whole history) or held by another instance.
      const created = await tx.$queryRawUnsafe<unknown[]>(
        `INSERT INTO "OutboxCursor" ("name", "xid", "seq")
         SELECT $1, COALESCE(max("xid")::text, '0'), COALESCE((array_agg("seq" ORDER BY "xid" DESC, "seq" DESC))[1], 0)
         FROM "Event" WHERE "xid" < pg_snapshot_xmin(pg_current_snapshot())
         ON CONFLICT ("name") DO NOTHING RETURNING "name"`,
        c.name,
      );
      return created.length ? 0 : "busy";
    }
    // Only events below the oldest running transaction: none before them can still commit.
    const [range] = await tx.$queryRawUnsafe<{ xid: string | null; seq: string | null; n: number }[]>(
      `SELECT (array_agg(b."xid"::text ORDER BY b."xid" DESC, b."seq" DESC))[1] AS "xid",
              (array_agg(b."seq"::text ORDER BY b."xid" DESC, b."seq" DESC))[1] AS "seq", count(*)::int AS "n"
       FROM (SELECT "xid", "seq" FROM "Event"
             WHERE ("xid", "seq") > ($1::text::xid8, $2::bigint) AND "xid" < pg_snapshot_xmin(pg_current_snapshot())
             ORDER BY "xid", "seq" LIMIT $3::int) b`,
      cursor.xid,
      cursor.seq,
      c.batchSize,
    );
    const n = Number(range.n);
    if (n === 0 || !range.xid || !range.seq) return 0;
    const to = { xid: range.xid, seq: range.seq };
    await c.handle(tx, cursor, to);
    await tx.$executeRawUnsafe(`UPDATE "OutboxCursor" SET "xid" = $2, "seq" = $3::bigint, "updatedAt" = now() WHERE "name" = $1`, c.name, to.xid, to.seq);
    return n;
  });
}

export class OutboxConsumer {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: Database,
    private readonly definition: OutboxConsumerDefinition,
    private readonly pollMs: number,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await onEvents(() => this.kick(), this.db);
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs now, or again right after the run in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when no run is in progress (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const n = await consumeBatch(this.db, this.definition);
        if (n === "busy") {
          setTimeout(() => this.kick(), BUSY_RETRY_MS).unref();
          return;
        }
        if (n < this.definition.batchSize || this.stopped) return;
      }
    } catch (error) {
      logger.warn({ err: error, consumer: this.definition.name }, "reading the outbox failed; retrying at the next poll");
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.unlisten?.().catch(() => {});
  }
}
