import { updateNotification as updateEndpoint } from "@/lib/api/endpoints/notifications";
import { apiRoute } from "@/lib/api/route";
import { markNotificationRead } from "@/lib/server/notifications/write";

export const PATCH = apiRoute(updateEndpoint, ({ actor, params, body }) => markNotificationRead(actor, params.id, body.read));
