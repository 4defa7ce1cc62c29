-- The platform of issue 18: the transactional outbox (Event), background jobs (Job), the outbox
-- readers' cursors, and webhook endpoints with their deliveries and attempts.

-- UUIDv7 (RFC 9562) made by the database, for rows written by INSERT ... SELECT inside the
-- writes' own statements (events, deliveries), where the client cannot name each row's id.
-- 48 bits of Unix milliseconds over a random UUID, version and variant bits set.
CREATE FUNCTION pcrm_uuid7() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
      PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
      FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid::text
$$;

-- An update event's "previous": the fields of the record's DTO after the change whose value
-- differs from before it, with the value before (version and updatedAt always change: left out).
-- NULL when nothing else changed.
CREATE FUNCTION pcrm_previous_values(before jsonb, after jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_object_agg(a.key, COALESCE(before -> a.key, 'null'::jsonb))
  FROM jsonb_each(after) a
  WHERE a.key NOT IN ('version', 'updatedAt') AND (before -> a.key) IS DISTINCT FROM a.value
$$;

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL DEFAULT pcrm_uuid7(),
    "seq" BIGSERIAL NOT NULL,
    "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "type" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "actorId" TEXT,
    "apiKeyId" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB,
    "previous" JSONB,
    "isPrivate" BOOLEAN NOT NULL DEFAULT false,
    "visibleTo" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "priorPrivate" BOOLEAN,
    "priorVisibleTo" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxCursor" (
    "name" TEXT NOT NULL,
    "xid" TEXT NOT NULL DEFAULT '0',
    "seq" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxCursor_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "runAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "groupKey" TEXT,
    "limitKey" TEXT,
    "dedupeKey" TEXT,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "eventTypes" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" TIMESTAMPTZ(3),
    "failingSince" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "disabledReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL DEFAULT pcrm_uuid7(),
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT,
    "eventType" TEXT NOT NULL,
    "payload" JSONB,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "responseBody" TEXT,
    "error" TEXT,
    "success" BOOLEAN NOT NULL,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_xid_seq_idx" ON "Event"("xid", "seq");

-- CreateIndex
CREATE INDEX "Event_occurredAt_idx" ON "Event"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_groupKey_id_idx" ON "Job"("groupKey", "id");

-- CreateIndex
CREATE INDEX "Job_limitKey_idx" ON "Job"("limitKey");

-- CreateIndex
CREATE INDEX "Job_finishedAt_idx" ON "Job"("finishedAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_ownerId_idx" ON "WebhookEndpoint"("ownerId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_eventId_idx" ON "WebhookDelivery"("eventId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_createdAt_idx" ON "WebhookDelivery"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_number_idx" ON "WebhookAttempt"("deliveryId", "number");

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The claim (lib/server/jobs/claim.ts) reads due queued jobs, and the jobs queued ahead of one in
-- its group: both only ever look at QUEUED rows, which stay few while DONE/FAILED ones age out.
DROP INDEX "Job_status_runAt_idx";
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt") WHERE "status" = 'QUEUED';
DROP INDEX "Job_groupKey_id_idx";
CREATE INDEX "Job_groupKey_id_idx" ON "Job"("groupKey", "id") WHERE "status" = 'QUEUED' AND "groupKey" IS NOT NULL;
DROP INDEX "Job_limitKey_idx";
CREATE INDEX "Job_limitKey_idx" ON "Job"("limitKey") WHERE "status" = 'QUEUED' AND "limitKey" IS NOT NULL;

-- The notification bus (lib/server/bus/): every committed event wakes the readers of the outbox
-- in every app process (NOTIFY is delivered on commit only, never for a rolled-back change).
-- Ids and kinds only: readers fetch what they may see from the outbox.
CREATE FUNCTION "Event_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pcrm_events', json_build_object(
    'seq', NEW."seq"::text, 'type', NEW."type", 'recordType', NEW."recordType", 'recordId', NEW."recordId")::text);
  RETURN NULL;
END
$$;
CREATE TRIGGER "Event_notify" AFTER INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION "Event_notify"();

-- A queued job wakes the workers at once instead of at their next poll.
CREATE FUNCTION "Job_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pcrm_jobs', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER "Job_notify" AFTER INSERT ON "Job" FOR EACH STATEMENT EXECUTE FUNCTION "Job_notify"();
