// The audit log page: admin changes, newest first, filtered by entity.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { assertAdmin } from "../auth/admin";
import { isoTimestamp } from "../serialize";

export interface AuditEntryDto {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  entries: AuditEntryDto[];
  total: number;
  page: number;
  pageSize: number;
  entities: string[];
}

export async function listAudit(actor: Actor, query: { page: number; entity: string | null; pageSize?: number }): Promise<AuditPage> {
  assertAdmin(actor);
  const pageSize = query.pageSize ?? 50;
  const where: Prisma.AuditLogWhereInput = query.entity ? { entity: query.entity } : {};
  const [rows, total, entities] = await Promise.all([
    prisma().auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * pageSize,
      take: pageSize,
      include: { actor: { select: { name: true } } },
    }),
    prisma().auditLog.count({ where }),
    prisma().auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
  ]);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      at: isoTimestamp(r.at)!,
      actorName: r.actor?.name ?? null,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    total,
    page: query.page,
    pageSize,
    entities: entities.map((e) => e.entity),
  };
}
