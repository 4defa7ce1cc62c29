import { redeliverWebhook as endpoint } from "@/lib/api/endpoints/webhooks";
import { created } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { resendDelivery } from "@/lib/server/webhooks/deliveries";

export const POST = apiRoute(endpoint, async ({ actor, params }) => {
  const delivery = await resendDelivery(actor, params.deliveryId, params.id);
  return created(delivery, `/api/v1/webhooks/${params.id}/deliveries/${delivery.id}`);
});
