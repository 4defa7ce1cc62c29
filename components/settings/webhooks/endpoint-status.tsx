import { Pill } from "@/components/ui/pill";
import type { WebhookEndpointDto } from "@/lib/server/webhooks/dto";

/** Active, failing (since when), paused, or disabled after failing for three days. */
export function EndpointStatus({ endpoint }: { endpoint: Pick<WebhookEndpointDto, "active" | "disabledAt" | "failingSince"> }) {
  if (endpoint.disabledAt && !endpoint.active) return <Pill tone="danger">Disabled</Pill>;
  if (!endpoint.active) return <Pill>Paused</Pill>;
  if (endpoint.failingSince) return <Pill tone="warning">Failing</Pill>;
  return <Pill tone="success">Active</Pill>;
}
