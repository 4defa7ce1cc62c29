// Telling users about something, inside the transaction of the change that
// causes it: an activity assigned to them by someone else, a mention in a note
// (and, when SMTP is configured, the e-mail of each, queued in the same transaction).
// Callers pass only recipients who may see the record (linked-records.ts
// usersWhoSee); readers check visibility again, since a deal can be made
// private later (read.ts).
import type { Prisma } from "@/lib/db/generated/client";
import { enqueueJobs } from "../jobs/enqueue";
import { mailSettings } from "../mail/transport";
import { emailJobs } from "./email";

type Tx = Prisma.TransactionClient;

/** webhook_disabled is written by the webhook worker itself (webhooks/disable.ts), in SQL. */
export const NOTIFICATION_KINDS = ["activity_assigned", "mention", "webhook_disabled"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  title: string;
  opportunityId?: string | null;
  accountId?: string | null;
  contactId?: string | null;
  activityId?: string | null;
  noteId?: string | null;
}

/** A title fits the column: long subjects are cut with an ellipsis. */
export const notificationTitle = (text: string) => (text.length > 400 ? `${text.slice(0, 399)}…` : text);

export async function notify(tx: Tx, rows: NotificationInput[]): Promise<void> {
  if (rows.length === 0) return;
  const created = await tx.notification.createManyAndReturn({ data: rows.map((r) => ({ ...r, title: notificationTitle(r.title) })), select: { id: true } });
  // With SMTP configured each one is also mailed, by a job queued in this transaction (email.ts).
  if (mailSettings()) await enqueueJobs(emailJobs(created.map((n) => n.id)), tx);
}
