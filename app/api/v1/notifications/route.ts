import { listNotifications as listEndpoint } from "@/lib/api/endpoints/notifications";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { listNotifications } from "@/lib/server/notifications/read";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const window = pageWindow(query);
  const { total, unread, rows } = await listNotifications(actor, { unread: query.unread }, window);
  return { ...pageOf(rows, total, window), unread };
});
