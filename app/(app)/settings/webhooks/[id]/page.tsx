import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { DeliveryLog } from "@/components/settings/webhooks/delivery-log";
import { WebhookDetail } from "@/components/settings/webhooks/webhook-detail";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { forPage } from "@/lib/server/page";
import { getDelivery, listDeliveries } from "@/lib/server/webhooks/deliveries";
import { getEndpoint } from "@/lib/server/webhooks/endpoints";
import { queryInteger } from "@/lib/validation/query-integer";

export const metadata: Metadata = { title: "Webhook endpoint" };

const PAGE_SIZE = 20;
const pageNumber = queryInteger(1, 100_000, 1).catch(1);

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; delivery?: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const page = pageNumber.parse(query.page ?? 1);
  const endpoint = await forPage(getEndpoint(actor, id));
  const [deliveries, selected] = await Promise.all([
    listDeliveries(actor, id, {}, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    typeof query.delivery === "string" ? getDelivery(actor, query.delivery, id).catch(() => null) : null,
  ]);
  return (
    <>
      <PageHeader
        title={endpoint.description ?? "Webhook endpoint"}
        description={
          <Link href="/settings/webhooks" className="inline-flex items-center gap-1 font-medium text-accent hover:underline">
            <ChevronLeft className="size-4" aria-hidden="true" /> All endpoints
          </Link>
        }
      />
      <div className="max-w-5xl space-y-6 px-4 py-5 sm:px-8 sm:py-6">
        <WebhookDetail endpoint={endpoint} />
        <DeliveryLog endpointId={id} deliveries={deliveries.data} total={deliveries.total} page={page} pageSize={PAGE_SIZE} selected={selected} />
      </div>
    </>
  );
}
