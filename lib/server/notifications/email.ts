// Notifications by e-mail (when SMTP_URL is set): every notification queues a
// job in the transaction that writes it; the job decides at send time, so a
// later opt-out, a deactivation, a notification already read in the app, or a
// record the recipient no longer sees sends nothing. Delivery is at least once:
// a worker that dies between the SMTP answer and finishing the job sends again.
import { prisma } from "@/lib/db";
import type { RetryPolicy } from "@/lib/domain/backoff";
import { defineJob, type JobDefinition } from "../jobs/definitions";
import type { NewJob } from "../jobs/enqueue";
import { sendMail, type MailSettings } from "../mail/transport";
import { linkOf, notificationWhere } from "./read";

export const NOTIFICATION_EMAIL_JOB = "notification.email";

/** About 3 days of retries: from a minute up to hourly. */
export const MAIL_RETRY: RetryPolicy = { maxAttempts: 80, baseDelayMs: 60_000, maxDelayMs: 3_600_000, giveUpAfterMs: 3 * 86_400_000 };

export const emailJobs = (notificationIds: string[]): NewJob[] => notificationIds.map((id) => ({ kind: NOTIFICATION_EMAIL_JOB, payload: { notificationId: id } }));

export function notificationEmailJob(settings: () => MailSettings | null, retry: RetryPolicy = MAIL_RETRY): JobDefinition {
  return defineJob({
    kind: NOTIFICATION_EMAIL_JOB,
    retry,
    async run(payload) {
      const mail = settings();
      const id = (payload as { notificationId?: unknown }).notificationId;
      if (!mail || typeof id !== "string") return;
      const n = await prisma().notification.findUnique({
        where: { id },
        include: { recipient: { select: { id: true, email: true, name: true, role: true, active: true, emailNotifications: true } } },
      });
      if (!n || n.readAt || !n.recipient.active || !n.recipient.emailNotifications) return;
      const { active: _active, emailNotifications: _wants, ...recipient } = n.recipient;
      const stillSeen = await prisma().notification.count({ where: { AND: [{ id }, notificationWhere(recipient, {})] } });
      if (!stillSeen) return;
      const link = new URL(linkOf(n), mail.appUrl).toString();
      await sendMail(mail, {
        to: n.recipient.email,
        subject: n.title,
        text: `${n.title}\n\nOpen it: ${link}\n\nYou get this because e-mail notifications are on in your profile (${new URL("/profile", mail.appUrl)}).\n`,
      });
    },
  });
}
