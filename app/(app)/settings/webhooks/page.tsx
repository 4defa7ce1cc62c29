import type { Metadata } from "next";
import Link from "next/link";
import { WebhookList } from "@/components/settings/webhooks/webhook-list";
import { PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";
import { listEndpoints } from "@/lib/server/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requireActor();
  const endpoints = await listEndpoints(actor);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            Have changes POSTed to another system as they happen, signed so it can check they come from here. Every user may add endpoints; each receives
            only what its owner may see{isAdmin(actor) ? " (as an admin you manage everyone's)" : ""}. How to verify them:{" "}
            <Link href="/api-docs#webhooks-receiving" className="font-medium text-accent hover:underline">API reference</Link>.
          </>
        }
      />
      <div className="max-w-5xl space-y-8 px-4 py-5 sm:px-8 sm:py-6">
        <WebhookList endpoints={endpoints} showOwner={isAdmin(actor)} />
      </div>
    </>
  );
}
