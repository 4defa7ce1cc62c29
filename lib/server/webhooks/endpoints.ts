// Managing webhook endpoints. Every user may add endpoints; an endpoint
// receives what its owner may see (an admin's or manager's: everything; a
// salesperson's: never someone else's private deal), judged when each event
// is dispatched. Owners manage their endpoints; admins see and manage all of
// them (to pause an integration of someone who left). Someone else's endpoint
// is "not found" to a non-admin. Creating, editing, rotating and deleting are audited.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import type { WebhookCreateInput, WebhookUpdateInput } from "@/lib/validation/webhooks";
import { isAdmin, type Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { writeAudit } from "../audit/write";
import { endpointInclude, toEndpointDto, type WebhookEndpointDto } from "./dto";
import { urlProblem } from "./post";
import { newSecret } from "./signature";

/** Endpoints one user may own: enough for every integration, not a way to multiply deliveries. */
export const MAX_ENDPOINTS_PER_USER = 25;
/** How long a rotated-out secret still signs deliveries, so the receiver can switch without a gap. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 3_600_000;

type Tx = Prisma.TransactionClient;

function checkUrl(url: string) {
  const problem = urlProblem(url, env().WEBHOOK_ALLOW_PRIVATE);
  if (problem) throw new AppError("VALIDATION", problem, { url: problem });
}

/** The endpoint when the actor may manage it (its owner or an admin); NOT_FOUND otherwise. */
export function manageable<T extends { ownerId: string }>(endpoint: T | null, actor: Actor): T {
  if (!endpoint || (endpoint.ownerId !== actor.id && !isAdmin(actor))) throw notFound("Webhook endpoint");
  return endpoint;
}

/** manageable(), on the row locked for this transaction. */
export async function lockManageable(tx: Tx, actor: Actor, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "WebhookEndpoint" WHERE "id" = ${id} FOR UPDATE`;
  return manageable(await tx.webhookEndpoint.findUnique({ where: { id }, include: endpointInclude }), actor);
}

function refuseStale(current: number, expected: number | undefined) {
  if (expected !== undefined && expected !== current) {
    throw new AppError("CONFLICT", "This endpoint was changed after you read it; read it again, then retry");
  }
}

const audited = (e: WebhookEndpointDto) => ({ url: e.url, description: e.description, eventTypes: e.eventTypes, active: e.active, ownerId: e.ownerId });

export async function listEndpoints(actor: Actor): Promise<WebhookEndpointDto[]> {
  const rows = await prisma().webhookEndpoint.findMany({
    where: isAdmin(actor) ? {} : { ownerId: actor.id },
    include: endpointInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((r) => toEndpointDto(r));
}

export async function getEndpoint(actor: Actor, id: string): Promise<WebhookEndpointDto> {
  return toEndpointDto(manageable(await prisma().webhookEndpoint.findUnique({ where: { id }, include: endpointInclude }), actor));
}

export async function createEndpoint(actor: Actor, input: WebhookCreateInput): Promise<WebhookEndpointDto & { secret: string }> {
  checkUrl(input.url);
  return prisma().$transaction(async (tx) => {
    // Serialises one owner's creations, so the cap holds under concurrent requests.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${actor.id} FOR UPDATE`;
    if ((await tx.webhookEndpoint.count({ where: { ownerId: actor.id } })) >= MAX_ENDPOINTS_PER_USER) {
      throw new AppError("VALIDATION", `You already have ${MAX_ENDPOINTS_PER_USER} webhook endpoints; delete one first`, { url: `At most ${MAX_ENDPOINTS_PER_USER} endpoints per user` });
    }
    const secret = newSecret();
    const row = await tx.webhookEndpoint.create({
      data: { ownerId: actor.id, url: input.url, description: input.description ?? null, eventTypes: input.eventTypes, active: input.active ?? true, secret },
      include: endpointInclude,
    });
    const dto = toEndpointDto(row);
    await writeAudit(tx, actor, { action: "webhook.create", entity: "webhook", entityId: row.id, after: audited(dto) });
    return { ...dto, secret };
  });
}

export async function updateEndpoint(actor: Actor, id: string, input: WebhookUpdateInput): Promise<WebhookEndpointDto> {
  if (input.url !== undefined) checkUrl(input.url);
  return prisma().$transaction(async (tx) => {
    const before = await lockManageable(tx, actor, id);
    refuseStale(before.version, input.version);
    const data: Prisma.WebhookEndpointUncheckedUpdateInput = { version: { increment: 1 } };
    if (input.url !== undefined) data.url = input.url;
    if (input.description !== undefined) data.description = input.description;
    if (input.eventTypes !== undefined) data.eventTypes = input.eventTypes;
    if (input.active !== undefined) {
      data.active = input.active;
      // Switching on again starts afresh: the failing streak and the disabled mark go.
      if (input.active) Object.assign(data, { disabledAt: null, disabledReason: null, failingSince: null });
    }
    const row = await tx.webhookEndpoint.update({ where: { id }, data, include: endpointInclude });
    const dto = toEndpointDto(row);
    await writeAudit(tx, actor, { action: "webhook.update", entity: "webhook", entityId: id, before: audited(toEndpointDto(before)), after: audited(dto) });
    return dto;
  });
}

export async function deleteEndpoint(actor: Actor, id: string, version?: number): Promise<{ id: string; deleted: true }> {
  return prisma().$transaction(async (tx) => {
    const before = await lockManageable(tx, actor, id);
    refuseStale(before.version, version);
    // Its deliveries and attempts go with it (cascade); their queued jobs find nothing and end.
    await tx.webhookEndpoint.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "webhook.delete", entity: "webhook", entityId: id, before: audited(toEndpointDto(before)) });
    return { id, deleted: true as const };
  });
}

/** A new secret, shown once; the old one keeps signing (as a second signature) for 24 hours. */
export async function rotateSecret(actor: Actor, id: string): Promise<WebhookEndpointDto & { secret: string }> {
  return prisma().$transaction(async (tx) => {
    const before = await lockManageable(tx, actor, id);
    const secret = newSecret();
    const row = await tx.webhookEndpoint.update({
      where: { id },
      data: { secret, previousSecret: before.secret, previousSecretExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_VALID_MS), version: { increment: 1 } },
      include: endpointInclude,
    });
    await writeAudit(tx, actor, { action: "webhook.rotate-secret", entity: "webhook", entityId: id });
    return { ...toEndpointDto(row), secret };
  });
}
