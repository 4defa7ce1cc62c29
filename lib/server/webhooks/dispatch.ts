// From the outbox to webhook deliveries: an outbox reader with its own cursor
// (lib/server/events/consumer.ts), so each event is fanned out once across
// all instances, in the transaction that moves the cursor. For every event of
// the batch and every active endpoint whose active owner may see it (judged
// now, by the owner's current role, against what the event stored about its
// audience) and whose types match what the owner receives, one delivery row
// and one job. The jobs of one endpoint and one record share a group, so they
// are sent one at a time in the order of the outbox; the jobs of one endpoint
// share a limit key, so a slow endpoint takes only a few workers at a time.
import { Prisma } from "@/lib/db/generated/client";
import type { OutboxConsumerDefinition } from "../events/consumer";
import { projectedTypeSql, viewerOfUserRow } from "../events/visibility";

export const DELIVER_KIND = "webhook.deliver";

/** Deliveries of one endpoint and one record go one at a time, in order. */
export const deliveryGroupSql = (endpointId: string, recordType: string, recordId: string) => `'wh:' || ${endpointId} || ':' || ${recordType} || ':' || ${recordId}`;
export const deliveryGroupKey = (endpointId: string, recordType: string, recordId: string) => `wh:${endpointId}:${recordType}:${recordId}`;
/** Deliveries of one endpoint share a limit on how many run at once. */
export const endpointLimitKey = (endpointId: string) => `wh:${endpointId}`;

/** Whether a subscription's patterns (text[] `types`) take the type `t` (text). */
const subscribedSql = (types: string, t: string) => `(${t} = ANY(${types}) OR '*' = ANY(${types}) OR split_part(${t}, '.', 1) || '.*' = ANY(${types}))`;

export const webhookDispatcher: OutboxConsumerDefinition = {
  name: "webhooks",
  batchSize: 500,
  async handle(tx, from, to) {
    const projected = projectedTypeSql(viewerOfUserRow("u"), "b");
    const statement = Prisma.sql`
      WITH batch AS (
        SELECT e.* FROM "Event" e
        WHERE (e."xid", e."seq") > (${from.xid}::text::xid8, ${from.seq}::bigint) AND (e."xid", e."seq") <= (${to.xid}::text::xid8, ${to.seq}::bigint)
      ), targets AS (
        SELECT b."id" AS "eventId", b."xid", b."seq", b."recordType", b."recordId", ep."id" AS "endpointId", p."t" AS "type"
        FROM batch b
        JOIN "WebhookEndpoint" ep ON ep."active" AND ep."createdAt" <= b."occurredAt"
        JOIN "User" u ON u."id" = ep."ownerId" AND u."active"
        CROSS JOIN LATERAL (SELECT ${projected} AS "t") p
        WHERE p."t" IS NOT NULL AND ${Prisma.raw(subscribedSql(`ep."eventTypes"`, `p."t"`))}
      ), deliveries AS (
        INSERT INTO "WebhookDelivery" ("endpointId", "eventId", "eventType")
        SELECT "endpointId", "eventId", "type" FROM targets
        RETURNING "id", "endpointId", "eventId"
      )
      INSERT INTO "Job" ("kind", "payload", "groupKey", "limitKey")
      SELECT ${DELIVER_KIND}, json_build_object('deliveryId', d."id")::jsonb,
        ${Prisma.raw(deliveryGroupSql(`t."endpointId"`, `t."recordType"`, `t."recordId"`))}, 'wh:' || t."endpointId"
      FROM deliveries d JOIN targets t ON t."eventId" = d."eventId" AND t."endpointId" = d."endpointId"
      ORDER BY t."xid", t."seq", t."endpointId"`;
    await tx.$executeRawUnsafe(statement.text, ...statement.values);
  },
};
