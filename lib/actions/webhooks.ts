"use server";
// Server actions of Settings › Webhooks (every user manages their own endpoints; admins everyone's).
import { serverAction } from "@/lib/server/action";
import { resendDelivery, sendTestEvent } from "@/lib/server/webhooks/deliveries";
import { createEndpoint, deleteEndpoint, rotateSecret, updateEndpoint } from "@/lib/server/webhooks/endpoints";
import { webhookCreateSchema, webhookDeliveryIdSchema, webhookIdSchema, webhookUpdateActionSchema } from "@/lib/validation/webhooks";

export const createWebhookAction = serverAction(webhookCreateSchema, (actor, input) => createEndpoint(actor, input));
export const updateWebhookAction = serverAction(webhookUpdateActionSchema, (actor, { id, ...changes }) => updateEndpoint(actor, id, changes));
export const deleteWebhookAction = serverAction(webhookIdSchema, (actor, input) => deleteEndpoint(actor, input.id));
export const rotateWebhookSecretAction = serverAction(webhookIdSchema, (actor, input) => rotateSecret(actor, input.id));
export const sendTestWebhookAction = serverAction(webhookIdSchema, (actor, input) => sendTestEvent(actor, input.id));
export const redeliverWebhookAction = serverAction(webhookDeliveryIdSchema, (actor, input) => resendDelivery(actor, input.deliveryId));
