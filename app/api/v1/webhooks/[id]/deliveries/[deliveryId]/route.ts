import { getWebhookDelivery as endpoint } from "@/lib/api/endpoints/webhooks";
import { apiRoute } from "@/lib/api/route";
import { getDelivery } from "@/lib/server/webhooks/deliveries";

export const GET = apiRoute(endpoint, async ({ actor, params }) => getDelivery(actor, params.deliveryId, params.id));
