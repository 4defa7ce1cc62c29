// The event vocabulary of the outbox, the feed and webhooks: which types
// exist and how a subscription's patterns ("opportunity.*", "*") match them.
// Pure: shared by the services, the validators and the pages.

export const RECORD_TYPES = ["opportunity", "line_item", "account", "contact", "activity", "note"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * One event per change of a record. An opportunity change is the most specific of: won
 * (moved to a won stage), lost, stage_changed, updated; each carries the whole record and
 * the previous values of what changed. "opportunity.hidden" is not written: it is what a
 * reader who could see the deal before a change (made private, removed as member or owner)
 * receives instead of that change, so that it drops the deal. Activities and notes are seen
 * by who sees their deal; an activity change is "activity.done" when it was marked done.
 */
export const EVENT_TYPES = [
  "opportunity.created",
  "opportunity.updated",
  "opportunity.stage_changed",
  "opportunity.won",
  "opportunity.lost",
  "opportunity.deleted",
  "opportunity.hidden",
  "line_item.created",
  "line_item.updated",
  "line_item.deleted",
  "account.created",
  "account.updated",
  "account.deleted",
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "activity.created",
  "activity.updated",
  "activity.done",
  "activity.deleted",
  "note.created",
  "note.updated",
  "note.deleted",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The type a reader who lost sight of the record receives (a tombstone: id and type only). */
export const hiddenTypeOf = (recordType: RecordType) => `${recordType}.hidden`;

/** What a subscription may list: a type, "<record>.*", or "*". */
export const EVENT_PATTERNS: readonly string[] = ["*", ...RECORD_TYPES.map((r) => `${r}.*`), ...EVENT_TYPES];

export function isEventPattern(value: string): boolean {
  return EVENT_PATTERNS.includes(value);
}

export function patternMatches(pattern: string, type: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export const matchesAny = (patterns: readonly string[], type: string) => patterns.some((p) => patternMatches(p, type));
