import { markAllNotificationsRead as readAllEndpoint } from "@/lib/api/endpoints/notifications";
import { apiRoute } from "@/lib/api/route";
import { markAllNotificationsRead } from "@/lib/server/notifications/write";

export const POST = apiRoute(readAllEndpoint, ({ actor }) => markAllNotificationsRead(actor));
