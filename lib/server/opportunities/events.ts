// The outbox events of opportunity changes, written by every write path in
// the change's own statement or transaction (lib/server/events/write.ts):
// - the record is the DTO (read/dto.ts) built by the database from the row
//   after the change, so an event carries exactly what the API returns;
// - for a change, "previous" holds the DTO fields that differ from the DTO
//   before it (pcrm_previous_values, migration 20261205050000) and the type
//   is chosen from the two: won or lost when the status became WON or LOST,
//   stage_changed when the stage changed, else updated;
// - who may see it is stored with it: everyone, or (private) the owner and
//   assignee and members; when the change narrowed that, also who could see it before.
// Single-statement writes put opportunityEventsSql in their WITH, over CTEs
// `before` and `after` of snapshotColumnsSql rows; transactions take
// snapshots first (opportunitySnapshots) and call recordOpportunityChanges
// once their changes are made.
import { Prisma } from "@/lib/db/generated/client";
import { insertEventsSql, recordEventsFromRows, type EventActor } from "../events/write";
import { OPPORTUNITY_DTO_JSON } from "./read/dto";

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

/**
 * The columns an event needs of the opportunity row aliased `o`: its id, privacy, the people
 * who see it when private (owner, assignee and members) and its DTO as JSON text (what the API answers).
 */
const AUDIENCE_COLUMNS = `o."id", o."isPrivate",
  array_remove(array_prepend(o."ownerId", array_prepend(o."assigneeId",
    ARRAY(SELECT m."userId" FROM "OpportunityMember" m WHERE m."opportunityId" = o."id"))), NULL) AS "people"`;
export const SNAPSHOT_COLUMNS = `${AUDIENCE_COLUMNS}, ${OPPORTUNITY_DTO_JSON} AS "json"`;

/** A source of snapshot rows with the DTO also as jsonb ("dto"), for comparing. */
const withDto = (rows: Prisma.Sql) => Prisma.sql`(SELECT r.*, r."json"::jsonb AS "dto" FROM ${rows} r)`;

/** The event type of a change from `b` to `a` (rows with a jsonb "dto"). */
const changeTypeSql = `CASE
    WHEN a."dto"->>'status' = 'WON' AND b."dto"->>'status' <> 'WON' THEN 'opportunity.won'
    WHEN a."dto"->>'status' = 'LOST' AND b."dto"->>'status' <> 'LOST' THEN 'opportunity.lost'
    WHEN a."dto"->>'stageId' <> b."dto"->>'stageId' THEN 'opportunity.stage_changed'
    ELSE 'opportunity.updated' END`;

/** Someone who could see the deal before no longer can. */
const narrowedSql = `(a."isPrivate" AND (NOT b."isPrivate" OR NOT (b."people" <@ a."people")))`;

const audience = {
  isPrivate: Prisma.sql`a."isPrivate"`,
  visibleTo: Prisma.sql`CASE WHEN a."isPrivate" THEN a."people" ELSE '{}'::text[] END`,
};

/**
 * INSERT of one event per snapshot row of `after` (a table expression of SNAPSHOT_COLUMNS rows):
 * created when there is no `before`, otherwise the change from the `before` row of the same id.
 */
export function opportunityEventsSql(after: Prisma.Sql, before: Prisma.Sql | null, actor: EventActor, at: Date): Prisma.Sql {
  if (!before) {
    return insertEventsSql({ type: "opportunity.created", recordType: "opportunity", from: Prisma.sql`${withDto(after)} a`, recordId: Prisma.sql`a."id"`, data: Prisma.sql`a."dto"`, audience, actor, at });
  }
  return insertEventsSql({
    type: Prisma.raw(changeTypeSql),
    recordType: "opportunity",
    from: Prisma.sql`${withDto(after)} a JOIN ${withDto(before)} b ON b."id" = a."id"`,
    where: Prisma.sql`a."dto" IS DISTINCT FROM b."dto"`, // a row the change left as it was has no event
    recordId: Prisma.sql`a."id"`,
    data: Prisma.sql`a."dto"`,
    previous: Prisma.sql`pcrm_previous_values(b."dto", a."dto")`,
    audience,
    priorAudience: {
      isPrivate: Prisma.raw(`CASE WHEN ${narrowedSql} THEN b."isPrivate" END`),
      visibleTo: Prisma.raw(`CASE WHEN ${narrowedSql} THEN b."people" ELSE '{}'::text[] END`),
    },
    actor,
    at,
  });
}

/** An opportunity as it was before a change made in a transaction. */
export interface OpportunitySnapshot {
  id: string;
  isPrivate: boolean;
  people: string[];
  json: string;
}

/** The opportunities' state now (inside the transaction), to compare with after its changes. */
export async function opportunitySnapshots(tx: Tx, ids: string[]): Promise<OpportunitySnapshot[]> {
  if (ids.length === 0) return [];
  return tx.$queryRawUnsafe<OpportunitySnapshot[]>(`SELECT ${SNAPSHOT_COLUMNS} FROM "Opportunity" o WHERE o."id" = ANY($1::text[])`, ids);
}

/**
 * After a transaction changed opportunities: their events, from their state now. Without
 * `before`, the ids were created. Snapshots of deals deleted meanwhile produce nothing.
 */
export async function recordOpportunityChanges(tx: Tx, ids: string[], before: OpportunitySnapshot[] | null, actor: EventActor, at: Date): Promise<void> {
  if (ids.length === 0) return;
  const after = Prisma.sql`(SELECT ${Prisma.raw(SNAPSHOT_COLUMNS)} FROM "Opportunity" o WHERE o."id" = ANY(${ids}::text[]))`;
  const then = before
    ? Prisma.sql`(SELECT * FROM jsonb_to_recordset(${JSON.stringify(before)}::jsonb) AS s("id" text, "isPrivate" boolean, "people" text[], "json" text))`
    : null;
  const statement = opportunityEventsSql(after, then, actor, at);
  await tx.$executeRawUnsafe(statement.text, ...statement.values);
}

/** The tombstones of opportunities about to be deleted, seen by who could see them. */
export async function recordOpportunityDeletions(tx: Tx, ids: string[], actor: EventActor, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await recordEventsFromRows(tx, {
    type: "opportunity.deleted",
    recordType: "opportunity",
    from: Prisma.sql`(SELECT ${Prisma.raw(AUDIENCE_COLUMNS)} FROM "Opportunity" o WHERE o."id" = ANY(${ids}::text[])) a`,
    recordId: Prisma.sql`a."id"`,
    data: null,
    audience,
    actor,
    at,
  });
}

/** Runs `change` (which changes the opportunities `ids` inside the transaction), then writes their events. */
export async function changingOpportunities<T>(tx: Tx, ids: string[], actor: EventActor, at: Date, change: () => Promise<T>): Promise<T> {
  const before = await opportunitySnapshots(tx, ids);
  const result = await change();
  await recordOpportunityChanges(tx, ids, before, actor, at);
  return result;
}
