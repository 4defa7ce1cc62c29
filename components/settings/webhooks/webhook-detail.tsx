"use client";

import { useRouter } from "next/navigation";
import { Pause, Pencil, Play, RefreshCw, Send, Trash2 } from "lucide-react";
import { useState } from "react";
import { deleteWebhookAction, rotateWebhookSecretAction, sendTestWebhookAction, updateWebhookAction } from "@/lib/actions/webhooks";
import type { WebhookEndpointDto } from "@/lib/server/webhooks/dto";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import { EndpointStatus } from "./endpoint-status";
import { SecretOnceDialog } from "./secret-once-dialog";
import { WebhookDialog } from "./webhook-dialog";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "");

/** One endpoint: what it is and receives, and what its owner (or an admin) can do with it. */
export function WebhookDetail({ endpoint }: { endpoint: WebhookEndpointDto }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const toggle = useAction(updateWebhookAction, { success: (d) => (d.active ? "Endpoint switched on" : "Endpoint paused") });
  const rotate = useAction(rotateWebhookSecretAction, { onSuccess: (d) => setSecret(d.secret) });
  const test = useAction(sendTestWebhookAction, { success: "Test event queued; it shows in the log below" });
  const remove = useAction(deleteWebhookAction, { refresh: false, success: "Endpoint deleted", onSuccess: () => router.push("/settings/webhooks") });
  const rows: [string, React.ReactNode][] = [
    ["Events", <span key="t" className="font-mono text-xs">{endpoint.eventTypes.join(", ")}</span>],
    ["Owner", `${endpoint.ownerName} (receives what they may see)`],
    ["Signing secret", <span key="s"><span className="font-mono text-xs">{endpoint.secretHint}</span>{endpoint.previousSecretExpiresAt ? <span className="text-muted"> · the previous one also signs until {when(endpoint.previousSecretExpiresAt)}</span> : null}</span>],
    ["Added", when(endpoint.createdAt)],
  ];
  if (endpoint.failingSince && endpoint.active) rows.push(["Failing since", when(endpoint.failingSince)]);
  if (endpoint.disabledAt && !endpoint.active) rows.push(["Disabled", `${when(endpoint.disabledAt)}: ${endpoint.disabledReason ?? ""}`]);

  return (
    <Card
      title="Endpoint"
      description={endpoint.description ?? undefined}
      actions={<EndpointStatus endpoint={endpoint} />}
    >
      <div className="space-y-4 px-5 py-4">
        <p className="break-all font-mono text-sm" data-testid="webhook-url">{endpoint.url}</p>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <div className="flex flex-wrap gap-2 border-t border-border pt-4">
          <Button size="sm" onClick={() => setEditing(true)}><Pencil className="size-3.5" aria-hidden="true" /> Edit</Button>
          <Button size="sm" disabled={toggle.pending} onClick={() => toggle.run({ id: endpoint.id, active: !endpoint.active, version: endpoint.version })}>
            {endpoint.active ? <Pause className="size-3.5" aria-hidden="true" /> : <Play className="size-3.5" aria-hidden="true" />}
            {endpoint.active ? "Pause" : "Switch on"}
          </Button>
          <Button size="sm" disabled={test.pending || !endpoint.active} onClick={() => test.run({ id: endpoint.id })}><Send className="size-3.5" aria-hidden="true" /> Send test event</Button>
          <Button
            size="sm"
            disabled={rotate.pending}
            onClick={() => window.confirm("Make a new signing secret? The current one keeps signing for 24 hours, then stops.") && rotate.run({ id: endpoint.id })}
          >
            <RefreshCw className="size-3.5" aria-hidden="true" /> Rotate secret
          </Button>
          <Button size="sm" variant="dangerGhost" disabled={remove.pending} onClick={() => window.confirm("Delete this endpoint and its delivery log?") && remove.run({ id: endpoint.id })}>
            <Trash2 className="size-3.5" aria-hidden="true" /> Delete
          </Button>
        </div>
      </div>
      {editing ? <WebhookDialog endpoint={endpoint} onClose={() => setEditing(false)} /> : null}
      <SecretOnceDialog secret={secret} rotated onClose={() => setSecret(null)} />
    </Card>
  );
}
