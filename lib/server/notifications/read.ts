// A user's notifications: only their own, and only about what they still see
// (a deal made private since, or one they were removed from, drops out of the
// list and the unread count alike).
import { prisma } from "@/lib/db";
import type { Notification, Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { visibleLinked } from "../linked-records";
import { isoTimestamp } from "../serialize";
import type { NotificationKind } from "./notify";

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  actorId: string | null;
  opportunityId: string | null;
  accountId: string | null;
  contactId: string | null;
  activityId: string | null;
  noteId: string | null;
  webhookId: string | null;
  /** Where the record is shown in the app. */
  link: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

export function linkOf(n: Pick<Notification, "opportunityId" | "accountId" | "contactId" | "webhookId">): string {
  if (n.opportunityId) return `/opportunities/${n.opportunityId}`;
  if (n.accountId) return `/accounts/${n.accountId}`;
  if (n.contactId) return `/contacts/${n.contactId}`;
  if (n.webhookId) return `/settings/webhooks/${n.webhookId}`;
  return "/";
}

export const toNotificationDto = (n: Notification): NotificationDto => ({
  id: n.id,
  kind: n.kind as NotificationKind,
  title: n.title,
  actorId: n.actorId,
  opportunityId: n.opportunityId,
  accountId: n.accountId,
  contactId: n.contactId,
  activityId: n.activityId,
  noteId: n.noteId,
  webhookId: n.webhookId,
  link: linkOf(n),
  read: n.readAt !== null,
  readAt: isoTimestamp(n.readAt),
  createdAt: isoTimestamp(n.createdAt)!,
});

export function notificationWhere(actor: Actor, f: { unread?: boolean | undefined }): Prisma.NotificationWhereInput {
  const and: Prisma.NotificationWhereInput[] = [{ recipientId: actor.id }, visibleLinked(actor)];
  if (f.unread !== undefined) and.push({ readAt: f.unread ? null : { not: null } });
  return { AND: and };
}

export async function listNotifications(
  actor: Actor,
  filters: { unread?: boolean | undefined },
  window: { skip: number; take: number },
): Promise<{ total: number; unread: number; rows: NotificationDto[] }> {
  const where = notificationWhere(actor, filters);
  const [total, unread, rows] = await Promise.all([
    prisma().notification.count({ where }),
    unreadCount(actor),
    prisma().notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window }),
  ]);
  return { total, unread, rows: rows.map(toNotificationDto) };
}

export async function unreadCount(actor: Actor): Promise<number> {
  return prisma().notification.count({ where: notificationWhere(actor, { unread: true }) });
}
