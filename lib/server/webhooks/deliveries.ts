// An endpoint's delivery log, and the two things its owner can ask for: send
// one event again, and send a test event. Both queue a new delivery (the log
// keeps the old one) through the same job as every delivery.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { isoTimestamp } from "../serialize";
import { enqueueJobs } from "../jobs/enqueue";
import { DELIVER_KIND, deliveryGroupKey, endpointLimitKey } from "./dispatch";
import type { WebhookAttemptDto, WebhookDeliveryDto } from "./dto";
import { manageable } from "./endpoints";

type Status = WebhookDeliveryDto["status"];
type DeliveryRow = Prisma.WebhookDeliveryGetPayload<object>;

/** When the queued jobs of these deliveries run next (the worker's backoff writes it on the job). */
async function nextAttempts(ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma().$queryRaw<{ id: string; runAt: Date }[]>`
    SELECT "payload"->>'deliveryId' AS "id", "runAt" FROM "Job"
    WHERE "status" = 'QUEUED' AND "kind" = ${DELIVER_KIND} AND "payload"->>'deliveryId' = ANY(${ids}::text[])`;
  return new Map(rows.map((r) => [r.id, new Date(r.runAt)]));
}

function toDeliveryDto(d: DeliveryRow, next: Date | undefined): WebhookDeliveryDto {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastAttemptAt: isoTimestamp(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    nextAttemptAt: d.status === "PENDING" ? isoTimestamp(next ?? null) : null,
    deliveredAt: isoTimestamp(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

async function endpointFor(actor: Actor, endpointId: string) {
  return manageable(await prisma().webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true, ownerId: true, active: true } }), actor);
}

export async function listDeliveries(
  actor: Actor,
  endpointId: string,
  query: { status?: Status },
  window: { skip: number; take: number },
): Promise<{ data: WebhookDeliveryDto[]; total: number }> {
  await endpointFor(actor, endpointId);
  const where: Prisma.WebhookDeliveryWhereInput = { endpointId, ...(query.status ? { status: query.status } : {}) };
  const [rows, total] = await Promise.all([
    prisma().webhookDelivery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: window.skip, take: window.take }),
    prisma().webhookDelivery.count({ where }),
  ]);
  const next = await nextAttempts(rows.filter((r) => r.status === "PENDING").map((r) => r.id));
  return { data: rows.map((r) => toDeliveryDto(r, next.get(r.id))), total };
}

/** The delivery when the actor may manage its endpoint (and, when given, it belongs to `endpointId`); NOT_FOUND otherwise. */
async function deliveryFor(actor: Actor, deliveryId: string, endpointId?: string) {
  const delivery = await prisma().webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: { select: { ownerId: true, active: true } } } });
  if (!delivery || (endpointId !== undefined && delivery.endpointId !== endpointId)) throw notFound("Delivery");
  manageable(delivery.endpoint, actor);
  return delivery;
}

export async function getDelivery(actor: Actor, deliveryId: string, endpointId?: string): Promise<WebhookDeliveryDto & { attemptsLog: WebhookAttemptDto[]; body: unknown }> {
  const delivery = await deliveryFor(actor, deliveryId, endpointId);
  const [attempts, next, event] = await Promise.all([
    prisma().webhookAttempt.findMany({ where: { deliveryId }, orderBy: { number: "asc" } }),
    nextAttempts([deliveryId]),
    delivery.eventId ? prisma().event.findUnique({ where: { id: delivery.eventId }, select: { data: true, type: true } }) : null,
  ]);
  // What was sent: the test body, or the event's record when the owner received the event itself.
  const body = delivery.payload ?? (event && event.type === delivery.eventType ? event.data : null);
  return {
    ...toDeliveryDto(delivery, next.get(deliveryId)),
    body,
    attemptsLog: attempts.map((a) => ({
      number: a.number,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      statusCode: a.statusCode,
      responseBody: a.responseBody,
      error: a.error,
      success: a.success,
    })),
  };
}

function refuseWhenOff(active: boolean) {
  if (!active) throw new AppError("CONFLICT", "The endpoint is switched off; switch it on first");
}

/** Sends the same event to the same endpoint again, as a new delivery behind any still pending for that record. */
export async function resendDelivery(actor: Actor, deliveryId: string, endpointId?: string): Promise<WebhookDeliveryDto> {
  const original = await deliveryFor(actor, deliveryId, endpointId);
  refuseWhenOff(original.endpoint.active);
  return prisma().$transaction(async (tx) => {
    const event = original.eventId ? await tx.event.findUnique({ where: { id: original.eventId }, select: { recordType: true, recordId: true } }) : null;
    if (original.eventId && !event) throw new AppError("CONFLICT", "This event is no longer kept, so it cannot be sent again");
    const copy = await tx.webhookDelivery.create({
      data: { endpointId: original.endpointId, eventId: original.eventId, eventType: original.eventType, payload: original.payload ?? undefined },
    });
    await enqueueJobs(
      [
        {
          kind: DELIVER_KIND,
          payload: { deliveryId: copy.id },
          groupKey: event ? deliveryGroupKey(original.endpointId, event.recordType, event.recordId) : undefined,
          limitKey: endpointLimitKey(original.endpointId),
        },
      ],
      tx,
    );
    return toDeliveryDto(copy, undefined);
  });
}

/** A "webhook.test" event to the endpoint now: the same path, headers and signature as every event. */
export async function sendTestEvent(actor: Actor, endpointId: string): Promise<WebhookDeliveryDto> {
  const endpoint = await endpointFor(actor, endpointId);
  refuseWhenOff(endpoint.active);
  const body = {
    id: `test_${randomUUID()}`,
    type: "webhook.test",
    occurredAt: new Date().toISOString(),
    cursor: null,
    record: { type: "webhook_endpoint", id: endpointId },
    actor: { userId: actor.id, apiKeyId: actor.apiKeyId ?? null },
    data: { message: "A test event from Pipeline CRM: this endpoint receives and verifies webhooks." },
    previous: null,
  };
  return prisma().$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.create({ data: { endpointId, eventId: null, eventType: body.type, payload: body } });
    await enqueueJobs([{ kind: DELIVER_KIND, payload: { deliveryId: delivery.id }, limitKey: endpointLimitKey(endpointId) }], tx);
    return toDeliveryDto(delivery, undefined);
  });
}
