// An event as the feed returns it and webhooks send it.
import type { RecordType } from "@/lib/domain/events";

export interface EventDto {
  id: string;
  type: string;
  occurredAt: string;
  /** Where a reader of the feed stands after this event (for ?after=). */
  cursor: string;
  record: { type: RecordType; id: string };
  /** Who made the change, and the API key it came through, if any. */
  actor: { userId: string | null; apiKeyId: string | null };
  /** The record as the API returns it; null for deletions and "<record>.hidden" (tombstones). */
  data: Record<string, unknown> | null;
  /** For updates: the changed fields (API names) with their previous values. */
  previous: Record<string, unknown> | null;
}

const TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The select list that builds an EventDto as json from the event `e` and the reader's
 * projected type `projected` (projectedTypeSql): data and previous only when the reader
 * receives the event itself.
 */
export function eventDtoJsonSql(e: string, projected: string): string {
  return `json_build_object(
    'id', ${e}."id", 'type', ${projected},
    'occurredAt', to_char(${e}."occurredAt" AT TIME ZONE 'UTC', ${TIMESTAMP}),
    'cursor', ${e}."xid"::text || '.' || ${e}."seq"::text,
    'record', json_build_object('type', ${e}."recordType", 'id', ${e}."recordId"),
    'actor', json_build_object('userId', ${e}."actorId", 'apiKeyId', ${e}."apiKeyId"),
    'data', CASE WHEN ${projected} = ${e}."type" THEN ${e}."data" END,
    'previous', CASE WHEN ${projected} = ${e}."type" THEN ${e}."previous" END)`;
}
