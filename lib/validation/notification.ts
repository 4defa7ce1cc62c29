// Notification input: marking read, for the bell's actions and the API.
import { z } from "zod";

export const notificationReadSchema = z.strictObject({ read: z.boolean({ error: "Must be true or false" }) });
export const notificationReadActionSchema = z.strictObject({ id: z.string().min(1).max(64), read: z.boolean() });
export const notificationsReadAllSchema = z.strictObject({});
