-- A notification may point to a webhook endpoint (issue 18: the owner is told when it is switched off).
-- New and empty: nothing existing changes meaning.
ALTER TABLE "Notification" ADD COLUMN "webhookId" TEXT;

CREATE INDEX "Notification_webhookId_idx" ON "Notification"("webhookId");

ALTER TABLE "Notification" ADD CONSTRAINT "Notification_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
