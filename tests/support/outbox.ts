// Helpers for tests that read the outbox.
import type { TestDatabase } from "./test-database";

/**
 * Waits until every event written so far lies below the readers' horizon
 * (pg_snapshot_xmin): on a PostgreSQL server shared with other sessions, an
 * open transaction elsewhere holds it back for a while.
 */
export async function waitForHorizon(t: Pick<TestDatabase, "db">, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.db.query<{ ready: boolean }>(
      `SELECT COALESCE(max("xid") < pg_snapshot_xmin(pg_current_snapshot()), true) AS "ready" FROM "Event"`,
      [],
    );
    if (row.ready) return;
    if (Date.now() > deadline) throw new Error("the outbox horizon did not pass the latest event: a transaction is held open somewhere");
    await new Promise((r) => setTimeout(r, 20));
  }
}
