// Sales quotas per user and period, set by admins (forecast/quotas.ts reads them for the forecast).
import type { z } from "zod";
import { prisma } from "@/lib/db";
import type { quotaDeleteSchema, quotaUpsertSchema } from "@/lib/validation/quotas";
import type { Actor } from "../auth/actor";
import { adminTransaction, assertAdmin } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { notFound, validationError } from "../errors";
import { isoDate } from "../serialize";

export interface QuotaDto {
  id: string;
  userId: string;
  period: "MONTH" | "QUARTER" | "YEAR";
  periodStart: string;
  amount: string;
}

export async function listQuotas(actor: Actor, query: { period: QuotaDto["period"]; year: number }): Promise<QuotaDto[]> {
  assertAdmin(actor);
  const rows = await prisma().quota.findMany({
    where: { period: query.period, periodStart: { gte: new Date(Date.UTC(query.year, 0, 1)), lt: new Date(Date.UTC(query.year + 1, 0, 1)) } },
    orderBy: [{ periodStart: "asc" }],
  });
  return rows.map((q) => ({ id: q.id, userId: q.userId, period: q.period, periodStart: isoDate(q.periodStart)!, amount: q.amount.toFixed(2) }));
}

export function upsertQuota(actor: Actor, input: z.output<typeof quotaUpsertSchema>) {
  return adminTransaction(actor, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw validationError({ userId: "No such user" });
    const periodStart = new Date(`${input.periodStart}T00:00:00Z`);
    const key = { userId: input.userId, period: input.period, periodStart };
    const before = await tx.quota.findUnique({ where: { userId_period_periodStart: key } });
    const quota = await tx.quota.upsert({ where: { userId_period_periodStart: key }, create: { ...key, amount: input.amount }, update: { amount: input.amount } });
    await writeAudit(tx, actor, {
      action: before ? "quota.update" : "quota.create", entity: "Quota", entityId: quota.id,
      before: before ? { amount: before.amount.toFixed(2) } : null, after: { userId: input.userId, period: input.period, periodStart: input.periodStart, amount: quota.amount.toFixed(2) },
    });
    return { id: quota.id };
  });
}

export function deleteQuota(actor: Actor, input: z.output<typeof quotaDeleteSchema>) {
  return adminTransaction(actor, async (tx) => {
    const before = await tx.quota.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("Quota");
    await tx.quota.delete({ where: { id: before.id } });
    await writeAudit(tx, actor, { action: "quota.delete", entity: "Quota", entityId: before.id, before: { userId: before.userId, period: before.period, periodStart: isoDate(before.periodStart), amount: before.amount.toFixed(2) } });
    return { id: before.id };
  });
}
