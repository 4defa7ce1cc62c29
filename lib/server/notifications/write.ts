// Marking one's own notifications read (or unread again). Someone else's, or one
// about a record no longer seen, is "not found".
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { notificationWhere, toNotificationDto, type NotificationDto } from "./read";

export async function markNotificationRead(actor: Actor, id: string, read = true): Promise<NotificationDto> {
  const where = { AND: [{ id }, notificationWhere(actor, {})] };
  const current = await prisma().notification.findFirst({ where });
  if (!current) throw notFound("Notification");
  if ((current.readAt !== null) === read) return toNotificationDto(current);
  // Only a row in the state read above changes, so a repeated "read" keeps its first time.
  await prisma().notification.updateMany({ where: { id, readAt: read ? null : { not: null } }, data: { readAt: read ? new Date() : null } });
  return toNotificationDto(await prisma().notification.findUniqueOrThrow({ where: { id } }));
}

export async function markAllNotificationsRead(actor: Actor): Promise<{ updated: number }> {
  const { count } = await prisma().notification.updateMany({ where: notificationWhere(actor, { unread: true }), data: { readAt: new Date() } });
  return { updated: count };
}
