// Sending one delivery: the job "webhook.deliver". The body is the event as
// the feed shows it to the endpoint's owner (built by the database from the
// stored event), signed with the endpoint's secret(s). Every attempt is
// written (status, first 2 KB of the answer, duration, error) with the
// delivery's state in one statement, and logged as one line. A 2xx is
// delivered; anything else throws, and the job retries with backoff and
// jitter for up to three days. An endpoint whose attempts have all failed for
// three days is disabled and its owner told.
import type { Database } from "@/lib/db";
import type { RetryPolicy } from "@/lib/domain/backoff";
import { logger } from "@/lib/log";
import { eventDtoJsonSql } from "../events/dto";
import { defineJob, type JobDefinition } from "../jobs/definitions";
import { DELIVER_KIND } from "./dispatch";
import { endpointDisabled } from "./disable";
import { postJson, type PostResult } from "./post";
import { HEADERS, signatureHeader } from "./signature";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const FAILING_DAYS_BEFORE_DISABLE = 3;

/** Up to three days: 30 s, 1 min, 2 min, ... then every 2 to 4 hours (equal jitter). */
export const WEBHOOK_RETRY: RetryPolicy = { maxAttempts: 1000, baseDelayMs: 30_000, maxDelayMs: 4 * 3_600_000, giveUpAfterMs: 3 * 86_400_000 };

export interface DeliverySettings {
  timeoutMs: number;
  allowPrivate: boolean;
}

interface Target {
  id: string;
  status: string;
  eventId: string | null;
  eventType: string;
  endpointId: string;
  url: string;
  active: boolean;
  ownerActive: boolean;
  secrets: string[];
  body: string | null;
}

const TARGET_SQL = `
  SELECT d."id", d."status"::text AS "status", d."eventId", d."eventType", ep."id" AS "endpointId", ep."url", ep."active",
    u."active" AS "ownerActive",
    CASE WHEN ep."previousSecret" IS NOT NULL AND ep."previousSecretExpiresAt" > now()
      THEN ARRAY[ep."secret", ep."previousSecret"] ELSE ARRAY[ep."secret"] END AS "secrets",
    COALESCE(d."payload"::text, CASE WHEN e."id" IS NOT NULL THEN (${eventDtoJsonSql("e", `d."eventType"`)})::text END) AS "body"
  FROM "WebhookDelivery" d
  JOIN "WebhookEndpoint" ep ON ep."id" = d."endpointId"
  JOIN "User" u ON u."id" = ep."ownerId"
  LEFT JOIN "Event" e ON e."id" = d."eventId"
  WHERE d."id" = $1`;

/** The attempt, the delivery's new state and the endpoint's failing streak, in one statement. */
const RECORD_SQL = `
  WITH attempt AS (
    INSERT INTO "WebhookAttempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "statusCode", "responseBody", "error", "success")
    SELECT pcrm_uuid7(), d."id", d."attempts" + 1, $2::timestamptz, $3::int, $4::int, $5, $6, $7::boolean FROM "WebhookDelivery" d WHERE d."id" = $1
  ), delivery AS (
    UPDATE "WebhookDelivery" SET "attempts" = "attempts" + 1, "lastAttemptAt" = $2::timestamptz, "lastStatusCode" = $4::int, "lastError" = $6,
      "status" = CASE WHEN $7::boolean THEN 'DELIVERED'::"WebhookDeliveryStatus" ELSE "status" END,
      "deliveredAt" = CASE WHEN $7::boolean THEN now() ELSE "deliveredAt" END
    WHERE "id" = $1
  )
  UPDATE "WebhookEndpoint" SET "failingSince" = CASE WHEN $7::boolean THEN NULL ELSE COALESCE("failingSince", now()) END
  WHERE "id" = $8 AND CASE WHEN $7::boolean THEN "failingSince" IS NOT NULL
    ELSE "failingSince" IS NULL OR "failingSince" < now() - interval '${FAILING_DAYS_BEFORE_DISABLE} days' END
  RETURNING "active" AND "failingSince" < now() - interval '${FAILING_DAYS_BEFORE_DISABLE} days' AS "disable"`;

const closeSql = `UPDATE "WebhookDelivery" SET "status" = 'FAILED', "lastError" = $2 WHERE "id" = $1 AND "status" = 'PENDING'`;

/** Ends a delivery that will not be sent (endpoint off, owner gone, event expired) or was given up. */
export async function closeDelivery(db: Database, id: string, reason: string): Promise<void> {
  await db.query(closeSql, [id, reason]);
}

export async function deliver(db: Database, deliveryId: string, settings: DeliverySettings, signal?: AbortSignal): Promise<void> {
  const [target] = await db.query<Target>(TARGET_SQL, [deliveryId]);
  if (!target || target.status !== "PENDING") return; // endpoint deleted, or already settled
  const refusal = !target.active ? "The endpoint is switched off" : !target.ownerActive ? "The endpoint's owner was deactivated" : !target.body ? "The event is no longer kept" : null;
  if (refusal) return closeDelivery(db, deliveryId, refusal);
  const timestamp = Math.floor(Date.now() / 1000);
  const eventId = (JSON.parse(target.body!) as { id: string }).id;
  const startedAt = new Date();
  const result: PostResult = await postJson(
    target.url,
    target.body!,
    {
      [HEADERS.id]: eventId,
      [HEADERS.type]: target.eventType,
      [HEADERS.timestamp]: String(timestamp),
      [HEADERS.signature]: signatureHeader(target.secrets, timestamp, target.body!),
      [HEADERS.delivery]: deliveryId,
    },
    { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate, signal },
  );
  // Stopped by a shutdown: no attempt to record, the job is handed back and sent again.
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error("stopped");
  const error = result.ok ? null : (result.error ?? `The endpoint answered ${result.statusCode}`);
  const [streak] = await db.query<{ disable: boolean }>(RECORD_SQL, [
    deliveryId, startedAt.toISOString(), result.durationMs, result.statusCode, result.responseBody, error, result.ok, target.endpointId,
  ]);
  logger.info(
    { webhook: target.endpointId, deliveryId, eventId, eventType: target.eventType, status: result.statusCode, ok: result.ok, durationMs: result.durationMs, error },
    "webhook delivery",
  );
  if (streak?.disable) await endpointDisabled(db, target.endpointId);
  if (!result.ok) throw new Error(error!);
}

export function webhookDeliveryJob(settings: () => DeliverySettings, retry: RetryPolicy = WEBHOOK_RETRY): JobDefinition {
  return defineJob({
    kind: DELIVER_KIND,
    retry,
    run: (payload, _job, ctx) => deliver(ctx.db, (payload as { deliveryId: string }).deliveryId, settings(), ctx.signal),
    onGiveUp: (payload, _job, error, ctx) =>
      closeDelivery(ctx.db, (payload as { deliveryId: string }).deliveryId, `Given up after three days of failures: ${String((error as Error)?.message ?? error)}`),
  });
}
