// Writing to the outbox. Every write path of a record calls one of these in
// the SAME statement or transaction as its change, so that a rolled-back change
// leaves no event and a committed one always has its event:
// - insertEventsSql: an `INSERT INTO "Event" ... SELECT ... FROM <rows>` to put
//   inside a data-modifying WITH (the single-statement opportunity writes) or
//   to run in a transaction, one event per row of `from`, every value a SQL
//   expression over those rows (the record's DTO built by the database);
// - recordEvents: events whose values the code already holds (a DTO made by a
//   serializer), inside a Prisma transaction.
// The transaction id and the order (xid, seq) come from the column defaults;
// the NOTIFY that wakes readers comes from the table's trigger (migration
// 20261205050000), so no writer can forget either.
import { Prisma } from "@/lib/db/generated/client";
import type { EventType, RecordType } from "@/lib/domain/events";
import type { Actor } from "../auth/actor";

export interface EventActor {
  userId: string | null;
  apiKeyId: string | null;
}

export const eventActor = (actor: Actor): EventActor => ({ userId: actor.id, apiKeyId: actor.apiKeyId ?? null });

/** Changes the app makes by itself (re-keying a column). */
export const SYSTEM: EventActor = { userId: null, apiKeyId: null };

/** Who may see an event, as SQL over the rows: everyone (not private), or these users plus managers and admins. */
export interface AudienceSql {
  isPrivate: Prisma.Sql;
  visibleTo: Prisma.Sql;
}

export const EVERYONE: AudienceSql = { isPrivate: Prisma.sql`false`, visibleTo: Prisma.sql`'{}'::text[]` };

export interface Audience {
  isPrivate: boolean;
  /** When private: the users (besides managers and admins) who may see it. */
  visibleTo: string[];
}

export const audienceSql = (a: Audience): AudienceSql =>
  a.isPrivate ? { isPrivate: Prisma.sql`true`, visibleTo: Prisma.sql`${a.visibleTo}::text[]` } : EVERYONE;

/** True when someone who could see the record under `before` no longer can under `after`. */
export function narrowed(before: Audience, after: Audience): boolean {
  if (!after.isPrivate) return false;
  if (!before.isPrivate) return true;
  return before.visibleTo.some((id) => !after.visibleTo.includes(id));
}

export interface EventsFromRows {
  /** The type, or a SQL expression choosing it per row. */
  type: EventType | Prisma.Sql;
  recordType: RecordType;
  /** The rows, as a FROM item: `written o`, `"Opportunity" o`, ... */
  from: Prisma.Sql;
  where?: Prisma.Sql;
  recordId: Prisma.Sql;
  /** The record's DTO as json or jsonb; null for a deletion (a tombstone). */
  data: Prisma.Sql | null;
  /** The changed fields' previous values (jsonb, API field names); updates only. */
  previous?: Prisma.Sql;
  audience: AudienceSql;
  /** The audience before the change, when the change narrowed it. */
  priorAudience?: AudienceSql;
  actor: EventActor;
  at: Date;
}

export function insertEventsSql(e: EventsFromRows): Prisma.Sql {
  const type = typeof e.type === "string" ? Prisma.sql`${e.type}::text` : e.type;
  const prior = e.priorAudience;
  return Prisma.sql`
    INSERT INTO "Event" ("type", "recordType", "recordId", "actorId", "apiKeyId", "occurredAt", "data", "previous",
                         "isPrivate", "visibleTo", "priorPrivate", "priorVisibleTo")
    SELECT ${type}, ${e.recordType}::text, ${e.recordId}, ${e.actor.userId}::text, ${e.actor.apiKeyId}::text,
      ${e.at.toISOString()}::timestamptz, ${e.data === null ? Prisma.sql`NULL::jsonb` : Prisma.sql`(${e.data})::jsonb`},
      ${e.previous ? Prisma.sql`(${e.previous})::jsonb` : Prisma.sql`NULL::jsonb`},
      ${e.audience.isPrivate}, ${e.audience.visibleTo},
      ${prior ? prior.isPrivate : Prisma.sql`NULL::boolean`}, ${prior ? prior.visibleTo : Prisma.sql`'{}'::text[]`}
    FROM ${e.from}${e.where ? Prisma.sql` WHERE ${e.where}` : Prisma.empty}`;
}

/** An event whose values the code holds. */
export interface EventRecord {
  type: EventType;
  recordType: RecordType;
  recordId: string;
  data: unknown | null;
  previous?: Record<string, unknown> | null;
  audience: Audience;
  priorAudience?: Audience;
  actor: EventActor;
  at: Date;
}

const json = (value: unknown) => Prisma.sql`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`;

/** The events as one INSERT (nothing when the list is empty). */
export function eventValuesSql(events: EventRecord[]): Prisma.Sql | null {
  if (events.length === 0) return null;
  const rows = events.map((e) => {
    const a = audienceSql(e.audience);
    const p = e.priorAudience ? audienceSql(e.priorAudience) : null;
    return Prisma.sql`(${e.type}::text, ${e.recordType}::text, ${e.recordId}::text, ${e.actor.userId}::text, ${e.actor.apiKeyId}::text,
      ${e.at.toISOString()}::timestamptz, ${json(e.data)}, ${json(e.previous ?? null)}, ${a.isPrivate}, ${a.visibleTo},
      ${p ? p.isPrivate : Prisma.sql`NULL::boolean`}, ${p ? p.visibleTo : Prisma.sql`'{}'::text[]`})`;
  });
  return Prisma.sql`
    INSERT INTO "Event" ("type", "recordType", "recordId", "actorId", "apiKeyId", "occurredAt", "data", "previous",
                         "isPrivate", "visibleTo", "priorPrivate", "priorVisibleTo")
    VALUES ${Prisma.join(rows, ", ")}`;
}

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/** Writes the events inside the caller's transaction. */
export async function recordEvents(tx: Tx, events: EventRecord[]): Promise<void> {
  const statement = eventValuesSql(events);
  if (statement) await tx.$executeRawUnsafe(statement.text, ...statement.values);
}

/** Runs an insertEventsSql statement inside the caller's transaction. */
export async function recordEventsFromRows(tx: Tx, e: EventsFromRows): Promise<void> {
  const statement = insertEventsSql(e);
  await tx.$executeRawUnsafe(statement.text, ...statement.values);
}

/** The changed fields' previous values: the keys of `after` whose value differs from `before`. */
export function previousValues(before: Record<string, unknown>, after: Record<string, unknown>, ignore: readonly string[] = ["updatedAt", "version"]): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (ignore.includes(key)) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) out[key] = before[key] ?? null;
  }
  return Object.keys(out).length ? out : null;
}

type RecordDto = { id: string } & Record<string, unknown>;

/**
 * The event of one record's change whose DTOs the code holds: created (no `before`),
 * deleted (no `after`: a tombstone) or updated (with the previous values of what changed).
 */
export function changeEvent(
  recordType: Exclude<RecordType, "opportunity">,
  before: RecordDto | null,
  after: RecordDto | null,
  actor: EventActor,
  at: Date,
  audience: Audience = { isPrivate: false, visibleTo: [] },
): EventRecord {
  const id = (after ?? before)!.id;
  if (!before) return { type: `${recordType}.created`, recordType, recordId: id, data: after, audience, actor, at };
  if (!after) return { type: `${recordType}.deleted`, recordType, recordId: id, data: null, audience, actor, at };
  return { type: `${recordType}.updated`, recordType, recordId: id, data: after, previous: previousValues(before, after), audience, actor, at };
}
