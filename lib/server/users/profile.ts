// The signed-in user's own account (/profile): their name, their password and
// whether notifications also come by e-mail.
// A password change checks the current password through the sign-in throttle
// (a stolen session must not become a way to guess it) and ends every other
// session of the user.
import { prisma } from "@/lib/db";
import type { ChangePasswordInput, NotificationPrefsInput, ProfileNameInput } from "@/lib/validation/profile";
import type { Actor } from "../auth/actor";
import { checkPassword } from "../auth/authenticate";
import { hashPassword } from "../../auth/password";
import { AppError, validationError } from "../errors";
import { writeAudit } from "../audit/write";
import { endSessionsOf } from "../sessions/store";

export async function updateOwnName(actor: Actor, input: ProfileNameInput): Promise<{ name: string }> {
  return prisma().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { name: input.name } });
    await writeAudit(tx, actor, { action: "user.rename", entity: "User", entityId: actor.id, before: { name: actor.name }, after: { name: input.name } });
    return { name: input.name };
  });
}

export async function getOwnNotificationPrefs(actor: Actor): Promise<NotificationPrefsInput> {
  return prisma().user.findUniqueOrThrow({ where: { id: actor.id }, select: { emailNotifications: true } });
}

export async function updateOwnNotificationPrefs(actor: Actor, input: NotificationPrefsInput): Promise<NotificationPrefsInput> {
  return prisma().user.update({ where: { id: actor.id }, data: { emailNotifications: input.emailNotifications }, select: { emailNotifications: true } });
}

export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput, ip: string | null): Promise<{ endedSessions: number }> {
  const check = await checkPassword(actor.email, input.currentPassword, ip);
  if (!check.ok && check.reason === "locked") {
    throw new AppError("RATE_LIMITED", "Too many wrong passwords. For your security, password checks are paused for 15 minutes.", undefined, check.retryAfterSeconds);
  }
  if (!check.ok) throw validationError({ currentPassword: "This is not your current password" });
  const passwordHash = await hashPassword(input.newPassword);
  return prisma().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const endedSessions = await endSessionsOf(tx, actor.id, actor.sessionId);
    await writeAudit(tx, actor, { action: "user.changePassword", entity: "User", entityId: actor.id, after: { endedSessions } });
    return { endedSessions };
  });
}
