// The notification bus: PostgreSQL NOTIFY, sent inside the writing
// transaction (so delivered only when it commits) and heard by every app
// process through Database.listen (one dedicated LISTEN connection per
// process on PostgreSQL; PGlite's own LISTEN/NOTIFY in the embedded process).
// Payloads carry ids and kinds only: listeners read what they may see from the
// outbox, which also covers what was missed while a connection was down.
import { database, type Database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";

/** One per committed event, sent by the Event table's trigger. */
export const EVENTS_CHANNEL = "pcrm_events";
/** One per statement that queued jobs, sent by the Job table's trigger. */
export const JOBS_CHANNEL = "pcrm_jobs";

export interface EventNotice {
  seq: string;
  type: string;
  recordType: string;
  recordId: string;
}

/**
 * Calls `handler` with each committed event's notice, and with null after the
 * listening connection came back from a loss (notices were missed: catch up from the outbox).
 */
export function onEvents(handler: (notice: EventNotice | null) => void, db: Database = database()): Promise<() => Promise<void>> {
  return db.listen(EVENTS_CHANNEL, {
    onNotify: (payload) => {
      try {
        handler(JSON.parse(payload) as EventNotice);
      } catch {
        handler(null);
      }
    },
    onResume: () => handler(null),
  });
}

/** A NOTIFY to put in a statement or transaction of one's own (channel names are fixed strings). */
export const notifySql = (channel: string, payload: string) => Prisma.sql`SELECT pg_notify(${channel}, ${payload})`;
