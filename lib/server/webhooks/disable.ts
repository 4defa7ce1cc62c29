// An endpoint that failed every attempt for three days is switched off, so a
// dead receiver stops costing retries. Its owner is told: a notification in
// their bell (linking to the endpoint, and by e-mail when SMTP is configured),
// an audit entry and a warning line, all in the statement that switches it off; and the endpoint shows as disabled
// (with the reason) on their Webhooks settings page until switched on again.
import type { Database } from "@/lib/db";
import { logger } from "@/lib/log";
import { mailSettings } from "../mail/transport";
import { NOTIFICATION_EMAIL_JOB } from "../notifications/email";

export const DISABLED_REASON = "Every delivery failed for three days; fix the receiver, then switch the endpoint on again";

export async function endpointDisabled(db: Database, endpointId: string): Promise<void> {
  const [row] = await db.query<{ ownerId: string; url: string }>(
    `WITH off AS (
       UPDATE "WebhookEndpoint" SET "active" = false, "disabledAt" = now(), "disabledReason" = $2, "version" = "version" + 1, "updatedAt" = now()
       WHERE "id" = $1 AND "active" RETURNING "id", "ownerId", "url"
     ), audit AS (
       INSERT INTO "AuditLog" ("id", "actorId", "action", "entity", "entityId", "after")
       SELECT pcrm_uuid7(), NULL, 'webhook.disabled', 'webhook', off."id", json_build_object('url', off."url", 'reason', $2::text)::jsonb FROM off
     ), told AS (
       INSERT INTO "Notification" ("id", "recipientId", "kind", "title", "webhookId")
       SELECT pcrm_uuid7(), off."ownerId", 'webhook_disabled', left('Webhook switched off: every delivery to ' || off."url" || ' failed for three days', 400), off."id" FROM off
       RETURNING "id"
     ), mailed AS (
       INSERT INTO "Job" ("kind", "payload") SELECT $3::text, json_build_object('notificationId', told."id")::jsonb FROM told WHERE $4::boolean
     )
     SELECT "ownerId", "url" FROM off`,
    [endpointId, DISABLED_REASON, NOTIFICATION_EMAIL_JOB, mailSettings() !== null],
  );
  if (row) logger.warn({ webhook: endpointId, ownerId: row.ownerId, url: row.url }, "webhook endpoint disabled after three days of failures");
}
