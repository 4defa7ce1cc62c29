// The audit log of admin changes: who, when, what changed (before/after),
// written in the same transaction as the change it records.
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import type { Tx } from "../auth/admin";

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Dates, decimals and bigints become plain JSON so the entry reads the same forever. */
function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function writeAudit(tx: Tx, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
