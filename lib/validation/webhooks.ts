// Webhook endpoints and the event feed: one schema per input, shared by the
// settings forms, the server actions, the API routes and the OpenAPI document.
import { z } from "zod";
import { EVENT_PATTERNS, isEventPattern } from "@/lib/domain/events";
import { queryInteger } from "./query-integer";

export const WEBHOOK_URL_MAX = 2000;

export const webhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the events")
  .max(WEBHOOK_URL_MAX, `At most ${WEBHOOK_URL_MAX} characters`)
  .refine((value) => /^https?:\/\/[^\s/?#]+/i.test(value) && URL.canParse(value), "Enter a full URL starting with https:// or http://")
  .describe("Where events are POSTed: http(s) only; private and loopback addresses only when the server allows them");

export const eventTypesList = z
  .array(z.string().refine(isEventPattern, { message: `Unknown event type; use one of ${EVENT_PATTERNS.join(", ")}` }))
  .min(1, "Choose at least one event type")
  .max(50, "At most 50 event types")
  .refine((list) => new Set(list).size === list.length, "Each event type once")
  .describe('Event types to receive, "<record>.*" for all of a record, or "*"');

const description = z.string().trim().max(500, "At most 500 characters").nullable().describe("What the endpoint is for");

export const webhookCreateSchema = z
  .strictObject({
    url: webhookUrl,
    description: description.optional(),
    eventTypes: eventTypesList,
    active: z.boolean().optional().describe("Deliver to it (default true)"),
  })
  .meta({ id: "WebhookEndpointCreate" });
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z
  .strictObject({
    url: webhookUrl.optional(),
    description: description.optional(),
    eventTypes: eventTypesList.optional(),
    active: z.boolean().optional().describe("false pauses deliveries; true also re-enables an endpoint disabled after failing"),
    version: z.number().int().min(1).optional().describe("The version you read; a stale one answers 409 and changes nothing"),
  })
  .meta({ id: "WebhookEndpointUpdate" });
export type WebhookUpdateInput = z.infer<typeof webhookUpdateSchema>;

/** Server actions name the endpoint in the input. */
export const webhookIdSchema = z.strictObject({ id: z.string().min(1).max(100) });
export const webhookUpdateActionSchema = webhookUpdateSchema.extend({ id: z.string().min(1).max(100) });
export const webhookDeliveryIdSchema = z.strictObject({ deliveryId: z.string().min(1).max(100) });

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;

/** The delivery log's filter (the API adds its paging to it). */
export const deliveryListQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional().describe("Only deliveries in this state"),
});

export const eventFeedQuery = z.strictObject({
  after: z.string().max(60, "At most 60 characters").optional().describe("The nextCursor of the previous answer; none: from the oldest event kept"),
  types: z
    .string()
    .max(2000)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return undefined;
      const list = value.split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = list.filter((t) => !isEventPattern(t));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `Unknown event type: ${unknown.slice(0, 3).join(", ")}` });
        return z.NEVER;
      }
      return list;
    })
    .describe('Comma-separated types or patterns ("opportunity.*"); none: every type'),
  limit: queryInteger(1, 1000, 100).default(100),
});
