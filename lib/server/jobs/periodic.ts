// Periodic jobs as singletons: each period has a slot, and its job is queued
// under the dedupe key "<kind>@<slot start>". Every instance queues the
// current slot (INSERT ... ON CONFLICT DO NOTHING): the first one wins, the
// others change nothing, and the slot's row (kept as DONE) stops a second run
// in the same period.
import type { Database } from "@/lib/db";
import type { JobDefinition } from "./definitions";
import { enqueueSql } from "./enqueue";

export function slotStart(now: number, everyMs: number): number {
  return Math.floor(now / everyMs) * everyMs;
}

export const slotKey = (kind: string, start: number) => `${kind}@${new Date(start).toISOString()}`;

export async function schedulePeriodic(db: Database, definitions: JobDefinition[], now = Date.now()): Promise<void> {
  const jobs = definitions
    .filter((d) => d.everyMs)
    .map((d) => {
      const start = slotStart(now, d.everyMs!);
      return { kind: d.kind, runAt: new Date(start), dedupeKey: slotKey(d.kind, start) };
    });
  if (jobs.length === 0) return;
  const statement = enqueueSql(jobs);
  await db.query(statement.text, statement.values);
}
