// The readers of the outbox that must see each event once across instances,
// each with its cursor row (lib/server/events/consumer.ts).
import type { OutboxConsumerDefinition } from "../events/consumer";
import { webhookDispatcher } from "../webhooks/dispatch";

export function outboxConsumers(): OutboxConsumerDefinition[] {
  return [webhookDispatcher];
}
