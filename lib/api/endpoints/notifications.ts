import { z } from "zod";
import { idParams, queryBoolean } from "@/lib/validation/api-common";
import { NOTIFICATION_KINDS } from "@/lib/server/notifications/notify";
import { notificationReadSchema } from "@/lib/validation/notification";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { timestamp } from "./wire";

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS).describe("activity_assigned (someone else gave you an activity), mention (in a note), webhook_disabled (your endpoint failed for three days and was switched off)"),
    title: z.string(),
    actorId: z.string().nullable(),
    opportunityId: z.string().nullable(),
    accountId: z.string().nullable(),
    contactId: z.string().nullable(),
    activityId: z.string().nullable(),
    noteId: z.string().nullable(),
    webhookId: z.string().nullable().describe("The webhook endpoint, for webhook_disabled"),
    link: z.string().describe("Path of the record in the app"),
    read: z.boolean(),
    readAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Notification" });

export const listNotifications = endpoint({
  method: "get",
  path: "/notifications",
  tag: "Notifications",
  summary: "List your notifications",
  description: "The key's user's own, newest first, only about records they still see. unread=true lists the unread ones; `unread` in the answer counts them.",
  auth: "user",
  query: z.strictObject({ ...pagingQuery, unread: queryBoolean.optional() }),
  response: listEnvelope(notificationSchema).extend({ unread: z.number().int() }),
});

export const updateNotification = endpoint({
  method: "patch",
  path: "/notifications/{id}",
  tag: "Notifications",
  summary: "Mark a notification read or unread",
  auth: "user",
  params: idParams,
  body: notificationReadSchema,
  response: notificationSchema,
  errors: [404],
  ifMatch: false,
  example: { read: true },
});

export const markAllNotificationsRead = endpoint({
  method: "post",
  path: "/notifications/read-all",
  tag: "Notifications",
  summary: "Mark all your notifications read",
  auth: "user",
  response: z.object({ updated: z.number().int() }),
});
