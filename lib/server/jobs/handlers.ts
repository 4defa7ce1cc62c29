// Every kind of background job the app runs, in one list: the worker of each
// app process handles exactly these. A feature adds its definitions here.
import { env } from "@/lib/env";
import { retentionJob } from "../events/retention";
import { importJobs } from "../imports/jobs";
import { mailSettings } from "../mail/transport";
import { notificationEmailJob } from "../notifications/email";
import { WEBHOOK_TIMEOUT_MS, webhookDeliveryJob } from "../webhooks/deliver";
import type { JobDefinition } from "./definitions";

export function jobDefinitions(): JobDefinition[] {
  return [
    retentionJob(() => env().EVENT_RETENTION_DAYS),
    webhookDeliveryJob(() => ({ timeoutMs: WEBHOOK_TIMEOUT_MS, allowPrivate: env().WEBHOOK_ALLOW_PRIVATE })),
    ...importJobs(),
    notificationEmailJob(mailSettings),
  ];
}
