// The event feed (GET /api/v1/events): the events the reader may see, in
// outbox order, after a cursor. One statement, so that the page, the end of
// what is readable and the retention mark come from one snapshot:
// - only events whose transaction id is below pg_snapshot_xmin (every
//   transaction that could still commit has an id at or above it) are read,
//   so a cursor never passes an event committed later by a slow writer;
// - when the page is not full, the cursor moves to the last readable event of
//   any type or audience, so a filtered reader does not scan the same events again;
// - a cursor older than what retention deleted is GONE (410): events were lost
//   to it, and the reader must start again from a full list.
import { database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { EVENT_TYPES, hiddenTypeOf, matchesAny, RECORD_TYPES } from "@/lib/domain/events";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { comparePositions, encodeCursor, parseCursor, START, type OutboxPosition } from "./cursor";
import { eventDtoJsonSql, type EventDto } from "./dto";
import { RETENTION_CURSOR } from "./retention-mark";
import { projectedTypeSql, viewerOf } from "./visibility";

export interface FeedQuery {
  after?: string;
  /** Types or patterns ("opportunity.*"); none: every type. */
  types?: string[];
  limit: number;
}

export interface FeedPage {
  data: EventDto[];
  hasMore: boolean;
  nextCursor: string;
}

/** Every type a list of patterns matches, "<record>.hidden" included. */
export function typesMatching(patterns: string[]): string[] {
  const all = [...EVENT_TYPES, ...RECORD_TYPES.map(hiddenTypeOf)];
  return [...new Set(all)].filter((t) => matchesAny(patterns, t));
}

export async function readFeed(actor: Actor, query: FeedQuery): Promise<FeedPage> {
  const after = query.after ? parseCursor(query.after) : START;
  const types = query.types?.length ? typesMatching(query.types) : null;
  const statement = Prisma.sql`
    WITH h AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS "x"),
    page AS (
      SELECT e.*, p."t" FROM "Event" e CROSS JOIN LATERAL (SELECT ${projectedTypeSql(viewerOf(actor))} AS "t") p
      WHERE (e."xid", e."seq") > (${after.xid}::text::xid8, ${after.seq}::bigint) AND e."xid" < (SELECT "x" FROM h)
        AND p."t" IS NOT NULL ${types ? Prisma.sql`AND p."t" = ANY(${types}::text[])` : Prisma.empty}
      ORDER BY e."xid", e."seq"
      LIMIT ${query.limit + 1}::int
    ),
    tail AS (SELECT e."xid", e."seq" FROM "Event" e WHERE e."xid" < (SELECT "x" FROM h) ORDER BY e."xid" DESC, e."seq" DESC LIMIT 1)
    SELECT
      (SELECT COALESCE(json_agg(${Prisma.raw(eventDtoJsonSql("page", `page."t"`))} ORDER BY page."xid", page."seq"), '[]') FROM page)::text AS "events",
      (SELECT "xid"::text || '.' || "seq"::text FROM tail) AS "tail",
      (SELECT "xid" || '.' || "seq"::text FROM "OutboxCursor" WHERE "name" = ${RETENTION_CURSOR}) AS "retained"`;
  const [row] = await database().query<{ events: string; tail: string | null; retained: string | null }>(statement.text, statement.values);
  if (query.after && row.retained && comparePositions(after, parseCursor(row.retained)) < 0) {
    throw new AppError("GONE", "This cursor is older than the events still kept; read the full lists again, then follow the feed from a fresh cursor");
  }
  const events = JSON.parse(row.events) as EventDto[];
  const hasMore = events.length > query.limit;
  if (hasMore) events.length = query.limit;
  let next: OutboxPosition = after;
  if (hasMore) next = parseCursor(events[events.length - 1].cursor);
  else if (row.tail && comparePositions(parseCursor(row.tail), after) > 0) next = parseCursor(row.tail);
  return { data: events, hasMore, nextCursor: encodeCursor(next) };
}
