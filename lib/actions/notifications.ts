"use server";
// Server actions of the notification bell.
import { serverAction } from "@/lib/server/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/server/notifications/write";
import { notificationReadActionSchema, notificationsReadAllSchema } from "@/lib/validation/notification";

export const markNotificationReadAction = serverAction(notificationReadActionSchema, (actor, input) => markNotificationRead(actor, input.id, input.read));
export const markAllNotificationsReadAction = serverAction(notificationsReadAllSchema, (actor) => markAllNotificationsRead(actor));
