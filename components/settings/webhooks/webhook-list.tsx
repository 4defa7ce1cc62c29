"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Plus, Webhook } from "lucide-react";
import { useState } from "react";
import type { WebhookEndpointDto } from "@/lib/server/webhooks/dto";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { EndpointStatus } from "./endpoint-status";
import { SecretOnceDialog } from "./secret-once-dialog";
import { WebhookDialog } from "./webhook-dialog";

/** The endpoints the user manages (an admin: everyone's, with their owners), and adding one. */
export function WebhookList({ endpoints, showOwner }: { endpoints: WebhookEndpointDto[]; showOwner: boolean }) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ secret: string; id: string } | null>(null);
  return (
    <Card
      title={showOwner ? "Everyone's endpoints" : "Your endpoints"}
      description="Each endpoint receives the events its owner may see."
      actions={
        <Button variant="primary" size="sm" onClick={() => setAdding(true)}>
          <Plus className="size-4" aria-hidden="true" /> Add endpoint
        </Button>
      }
    >
      {endpoints.length === 0 ? (
        <div className="flex flex-col items-center gap-2 px-5 py-10 text-center text-sm text-muted">
          <Webhook className="size-6" aria-hidden="true" />
          <p>No endpoints yet. Add one to have changes POSTed to another system as they happen.</p>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm" data-testid="webhooks-table">
            <TableHead columns={[{ label: "Endpoint" }, { label: "Events" }, ...(showOwner ? [{ label: "Owner" }] : []), { label: "Status" }]} />
            <tbody className="divide-y divide-border">
              {endpoints.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="max-w-md px-5 py-3">
                    <Link href={`/settings/webhooks/${e.id}`} className="block truncate font-mono text-xs font-medium text-accent hover:underline">{e.url}</Link>
                    {e.description ? <p className="mt-0.5 truncate text-xs text-muted">{e.description}</p> : null}
                  </td>
                  <td className="px-3 py-3 font-mono text-xs text-muted">{e.eventTypes.join(", ")}</td>
                  {showOwner ? <td className="whitespace-nowrap px-3 py-3">{e.ownerName}</td> : null}
                  <td className="px-5 py-3"><EndpointStatus endpoint={e} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding ? <WebhookDialog endpoint="new" onClose={() => setAdding(false)} onCreated={(secret, id) => { setAdding(false); setCreated({ secret, id }); }} /> : null}
      <SecretOnceDialog secret={created?.secret ?? null} onClose={() => { const id = created?.id; setCreated(null); if (id) router.push(`/settings/webhooks/${id}`); }} />
    </Card>
  );
}
