// Notifications by e-mail through a real SMTP server (smtp-server) on both
// databases: each notification is queued as a job in the transaction that
// writes it and sent by the job worker; a temporary refusal is retried; an
// opted-out user, a notification already read, and a record the recipient no
// longer sees send nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const SMTP_PORT = vi.hoisted(() => {
  const port = 40_000 + (process.pid % 20_000);
  // Read once by lib/env.ts on first use, so it is set before anything runs.
  Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "CRM <crm@example.test>", APP_URL: "https://crm.example.test" });
  return port;
});

import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { RetryPolicy } from "@/lib/domain/backoff";
import { createActivity } from "@/lib/server/activities/write";
import { listActivityTypes } from "@/lib/server/activities/types";
import type { Actor } from "@/lib/server/auth/actor";
import { JobWorker } from "@/lib/server/jobs/worker";
import { closeMailTransports, mailSettings } from "@/lib/server/mail/transport";
import { NOTIFICATION_EMAIL_JOB, notificationEmailJob } from "@/lib/server/notifications/email";
import { markNotificationRead } from "@/lib/server/notifications/write";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { updateOwnNotificationPrefs } from "@/lib/server/users/profile";
import { demoActors } from "../support/demo-actors";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

/** Retries 200 ms apart, so a refusal's retry is seen within the test. */
const RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 1_000 };

describe.each(availableKinds())("notification e-mails on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let smtp: SmtpSink;
  let worker: JobWorker;
  let stageId: string;
  let call: string;

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    stageId = (await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Lead" } })).id;
    call = (await listActivityTypes(actors.bob)).find((x) => x.name === "Call")!.id;
    smtp = await startSmtpSink(SMTP_PORT);
    worker = emailWorker();
  }, 300_000);
  afterAll(async () => {
    await worker?.stop(500);
    closeMailTransports();
    await smtp?.close();
    useDatabase(undefined);
    await t?.drop();
  });

  const emailWorker = () => new JobWorker(t.db, [notificationEmailJob(mailSettings, RETRY)], { pollMs: 100, leaseMs: 10_000, random: () => 0.5 });
  const jobsOf = async (notificationId: string) =>
    t.db.query<{ status: string; attempts: number }>(`SELECT "status"::text, "attempts" FROM "Job" WHERE "kind" = $1 AND "payload"->>'notificationId' = $2`, [NOTIFICATION_EMAIL_JOB, notificationId]);
  const notificationFor = async (activityId: string) => t.db.prisma.notification.findFirstOrThrow({ where: { activityId } });
  /** A job that succeeded is deleted from the queue (jobs/claim.ts): settled = no job left. */
  const settled = async (notificationId: string) => {
    const deadline = Date.now() + 20_000;
    while ((await jobsOf(notificationId)).length) {
      if (Date.now() > deadline) throw new Error(`email job still ${JSON.stringify(await jobsOf(notificationId))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** The text as written, without quoted-printable's soft line breaks. */
  const bodyOf = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

  it("queues the e-mail with the notification; the worker sends it once, to the recipient, with the link; a temporary refusal is retried", async () => {
    const deal = await createOpportunity(actors.alice, { title: "Mailed deal", stageId });
    smtp.refuseNext(1);
    const act = await createActivity(actors.alice, { typeId: call, subject: "Call the buyer", opportunityId: deal.id, assigneeId: actors.bob.id });
    const n = await notificationFor(act.id);
    // Queued by the same transaction, before any worker runs.
    expect(await jobsOf(n.id)).toEqual([{ status: "QUEUED", attempts: 0 }]);
    await worker.start();
    const [mail] = await smtp.waitFor(1, (m) => m.to.includes(actors.bob.email));
    expect(smtp.refusals).toBe(1);
    expect(mail.from).toBe("crm@example.test");
    expect(mail.raw).toContain(`Subject: ${n.title}`);
    expect(bodyOf(mail.raw)).toContain(`Open it: https://crm.example.test/opportunities/${deal.id}`);
    await settled(n.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter((m) => m.raw.includes(n.title))).toHaveLength(1);
  });

  it("sends nothing to someone who opted out, for a notification read in the app first, or about a deal made private since", async () => {
    const before = smtp.received.length;
    await worker.stop(500);
    const deal = await createOpportunity(actors.alice, { title: "Quiet deal", stageId });
    await updateOwnNotificationPrefs(actors.manager, { emailNotifications: false });
    const optedOut = await notificationFor((await createActivity(actors.alice, { typeId: call, subject: "For the manager", opportunityId: deal.id, assigneeId: actors.manager.id })).id);
    const read = await notificationFor((await createActivity(actors.alice, { typeId: call, subject: "Read already", opportunityId: deal.id, assigneeId: actors.bob.id })).id);
    await markNotificationRead(actors.bob, read.id);
    const hidden = await notificationFor((await createActivity(actors.alice, { typeId: call, subject: "Then hidden", opportunityId: deal.id, assigneeId: actors.bob.id })).id);
    // Bob's activity stays his, but the deal goes private without him: he no longer sees it, nor its notification.
    await t.db.prisma.activity.updateMany({ where: { opportunityId: deal.id }, data: { assigneeId: actors.alice.id } });
    await updateOpportunity(actors.alice, deal.id, { isPrivate: true, version: 1 });
    worker = emailWorker();
    await worker.start();
    for (const n of [optedOut, read, hidden]) await settled(n.id);
    expect(smtp.received.slice(before)).toEqual([]);
    await updateOwnNotificationPrefs(actors.manager, { emailNotifications: true });
  });
});
