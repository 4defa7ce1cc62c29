import { z } from "zod";
import { idParams } from "@/lib/validation/api-common";
import { DELIVERY_STATUSES, deliveryListQuery, webhookCreateSchema, webhookUpdateSchema } from "@/lib/validation/webhooks";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";

const TAG = "Webhooks";
const deliveryParams = z.strictObject({ id: z.string().min(1).max(100), deliveryId: z.string().min(1).max(100) });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    ownerId: z.string().describe("The endpoint receives what this user may see"),
    ownerName: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()),
    active: z.boolean(),
    secretHint: z.string().describe("The start of the signing secret, to tell secrets apart"),
    previousSecretExpiresAt: z.string().nullable().describe("After a rotation: until when the old secret still signs (a second v1= signature)"),
    failingSince: z.string().nullable().describe("Since when every attempt failed; after 3 days the endpoint is disabled"),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "WebhookEndpoint" });

const withSecret = webhookEndpointSchema
  .extend({ secret: z.string().describe("The signing secret (whsec_...): shown in this answer only") })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string().nullable().describe("Null for a test event"),
    eventType: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookDelivery" });

const attemptSchema = z
  .object({
    number: z.number().int(),
    startedAt: z.string(),
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable(),
    responseBody: z.string().nullable().describe("The first 2 KB of the answer"),
    error: z.string().nullable(),
    success: z.boolean(),
  })
  .meta({ id: "WebhookAttempt" });

export const listWebhooks = endpoint({
  method: "get",
  path: "/webhooks",
  tag: TAG,
  summary: "List webhook endpoints",
  description: "Your endpoints; admins see everyone's.",
  auth: "user",
  response: z.object({ data: z.array(webhookEndpointSchema) }),
});

export const createWebhook = endpoint({
  method: "post",
  path: "/webhooks",
  tag: TAG,
  summary: "Add a webhook endpoint",
  description:
    "Everyone may add endpoints (25 each); an endpoint receives the events its owner may see (an admin's or manager's: everything; " +
    "a salesperson's: never another user's private deal). The signing secret is in this answer only. " +
    "Private, loopback and link-local addresses are refused unless the server sets WEBHOOK_ALLOW_PRIVATE=true.",
  auth: "user",
  body: webhookCreateSchema,
  response: withSecret,
  status: 201,
  errors: [422],
  example: { url: "https://erp.example.com/hooks/pipeline", eventTypes: ["opportunity.won", "opportunity.lost"], description: "ERP orders" },
});

export const getWebhook = endpoint({
  method: "get",
  path: "/webhooks/{id}",
  tag: TAG,
  summary: "Get a webhook endpoint",
  auth: "user",
  params: idParams,
  response: webhookEndpointSchema,
  errors: [404],
});

export const updateWebhook = endpoint({
  method: "patch",
  path: "/webhooks/{id}",
  tag: TAG,
  summary: "Change, pause or switch on a webhook endpoint",
  description: "Partial update. `active: true` also switches on an endpoint disabled after three days of failures. Send `version` or If-Match to refuse stale writes (409).",
  auth: "user",
  params: idParams,
  body: webhookUpdateSchema,
  response: webhookEndpointSchema,
  errors: [404, 409],
  example: { active: false, version: 1 },
});

export const deleteWebhook = endpoint({
  method: "delete",
  path: "/webhooks/{id}",
  tag: TAG,
  summary: "Delete a webhook endpoint",
  description: "With its delivery log; pending deliveries are not sent.",
  auth: "user",
  params: idParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
  errors: [404, 409],
});

export const rotateWebhookSecret = endpoint({
  method: "post",
  path: "/webhooks/{id}/rotate-secret",
  tag: TAG,
  summary: "Rotate the signing secret",
  description: "A new secret, in this answer only. For 24 hours deliveries carry two signatures (new and old secret), so the receiver can switch without a gap.",
  auth: "user",
  params: idParams,
  response: withSecret,
  errors: [404],
});

export const testWebhook = endpoint({
  method: "post",
  path: "/webhooks/{id}/test",
  tag: TAG,
  summary: "Send a test event",
  description: 'Queues a "webhook.test" event to the endpoint now, with the same headers and signature as every event. 409 when the endpoint is switched off.',
  auth: "user",
  params: idParams,
  response: webhookDeliverySchema,
  status: 201,
  errors: [404, 409],
});

export const listWebhookDeliveries = endpoint({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  tag: TAG,
  summary: "List an endpoint's deliveries",
  description: "Newest first; `status` filters.",
  auth: "user",
  params: idParams,
  query: deliveryListQuery.extend(pagingQuery),
  response: listEnvelope(webhookDeliverySchema),
  errors: [404],
});

export const getWebhookDelivery = endpoint({
  method: "get",
  path: "/webhooks/{id}/deliveries/{deliveryId}",
  tag: TAG,
  summary: "Get a delivery with its attempts",
  description: "Every attempt: when, how long, the status code, the first 2 KB of the answer, the error.",
  auth: "user",
  params: deliveryParams,
  response: webhookDeliverySchema
    .extend({ body: z.unknown().describe("The event's record as sent, or the test event"), attemptsLog: z.array(attemptSchema) })
    .meta({ id: "WebhookDeliveryDetail" }),
  errors: [404],
});

export const redeliverWebhook = endpoint({
  method: "post",
  path: "/webhooks/{id}/deliveries/{deliveryId}/redeliver",
  tag: TAG,
  summary: "Send a delivery again",
  description: "Queues a new delivery of the same event (the same event id: receivers de-duplicate on it). 409 when the endpoint is off or the event is no longer kept.",
  auth: "user",
  params: deliveryParams,
  response: webhookDeliverySchema,
  status: 201,
  errors: [404, 409],
});
