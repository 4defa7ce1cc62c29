// Webhook endpoints, deliveries and attempts as the API and the settings pages see them.
import type { Prisma } from "@/lib/db/generated/client";
import { isoTimestamp } from "../serialize";
import { secretHint } from "./signature";

export interface WebhookEndpointDto {
  id: string;
  ownerId: string;
  ownerName: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  active: boolean;
  /** The start of the signing secret (the secret itself is shown once). */
  secretHint: string;
  /** While a rotated-out secret still signs too: until when. */
  previousSecretExpiresAt: string | null;
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const endpointInclude = { owner: { select: { name: true } } } as const;
type EndpointRow = Prisma.WebhookEndpointGetPayload<{ include: typeof endpointInclude }>;

export function toEndpointDto(e: EndpointRow, now = new Date()): WebhookEndpointDto {
  const previousValid = e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now;
  return {
    id: e.id,
    ownerId: e.ownerId,
    ownerName: e.owner.name,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    active: e.active,
    secretHint: secretHint(e.secret),
    previousSecretExpiresAt: previousValid ? isoTimestamp(e.previousSecretExpiresAt) : null,
    failingSince: isoTimestamp(e.failingSince),
    disabledAt: isoTimestamp(e.disabledAt),
    disabledReason: e.disabledReason,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export interface WebhookDeliveryDto {
  id: string;
  endpointId: string;
  /** Null for a test event. */
  eventId: string | null;
  eventType: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When the next attempt is due, while one is planned. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookAttemptDto {
  number: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  /** The first 2 KB of the response. */
  responseBody: string | null;
  error: string | null;
  success: boolean;
}
