import { z } from "zod";
import { RECORD_TYPES } from "@/lib/domain/events";
import { eventFeedQuery } from "@/lib/validation/webhooks";
import { endpoint } from "../endpoint";

export const eventSchema = z
  .object({
    id: z.string().describe("Unique; the same id in the feed and in webhooks (de-duplicate on it)"),
    type: z.string().describe('"opportunity.won", ...; "<record>.hidden" when you lost sight of the record (drop it)'),
    occurredAt: z.string().describe("ISO 8601 timestamp of the change"),
    cursor: z.string().nullable().describe("Where a reader stands after this event (pass as ?after=); null for a webhook test event"),
    record: z.object({ type: z.enum(RECORD_TYPES), id: z.string() }),
    actor: z.object({ userId: z.string().nullable(), apiKeyId: z.string().nullable() }).describe("Who made the change, and through which API key"),
    data: z.record(z.string(), z.unknown()).nullable().describe("The record as the API returns it; null for a deletion or a hidden record (a tombstone)"),
    previous: z.record(z.string(), z.unknown()).nullable().describe("Updates: the changed fields with their previous values"),
  })
  .meta({ id: "Event" });

export const listEvents = endpoint({
  method: "get",
  path: "/events",
  tag: "Events",
  summary: "Follow the event feed",
  description:
    "The changes you may see, in commit order, after `after` (the `nextCursor` of the previous answer; none: from the oldest event kept). " +
    "Pass the last `nextCursor` back even when `data` is empty: it moves past events you do not receive. " +
    "A deletion is a tombstone (`data: null`); `<record>.hidden` means the record became invisible to you: drop it. " +
    "Events are kept EVENT_RETENTION_DAYS (30 by default): a cursor older than that answers 410, then read the full lists again and follow from a fresh cursor. " +
    "Applying the events in order to the full lists gives the lists as they are now.",
  auth: "user",
  query: eventFeedQuery,
  response: z.object({ data: z.array(eventSchema), hasMore: z.boolean(), nextCursor: z.string() }),
  errors: [410],
});
