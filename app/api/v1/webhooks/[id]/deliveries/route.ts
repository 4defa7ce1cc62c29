import { listWebhookDeliveries as endpoint } from "@/lib/api/endpoints/webhooks";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { listDeliveries } from "@/lib/server/webhooks/deliveries";

export const GET = apiRoute(endpoint, async ({ actor, params, query }) => {
  const window = pageWindow(query);
  const { data, total } = await listDeliveries(actor, params.id, { status: query.status }, window);
  return pageOf(data, total, window);
});
