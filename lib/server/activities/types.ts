// Activity types: everyone reads them (the composer offers the active ones);
// admins add, rename, re-icon, reorder and deactivate them (never delete: old
// activities keep their type), with an audit entry.
import { prisma } from "@/lib/db";
import type { ActivityTypeCreateInput, ActivityTypeUpdateInput } from "@/lib/validation/activity";
import type { Actor } from "../auth/actor";
import { adminTransaction } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, notFound } from "../errors";
import { isoTimestamp } from "../serialize";

export interface ActivityTypeDto {
  id: string;
  name: string;
  icon: string;
  position: number;
  active: boolean;
  updatedAt: string;
}

const toDto = (t: { id: string; name: string; icon: string; position: number; active: boolean; updatedAt: Date }): ActivityTypeDto => ({
  id: t.id,
  name: t.name,
  icon: t.icon,
  position: t.position,
  active: t.active,
  updatedAt: isoTimestamp(t.updatedAt)!,
});

export async function listActivityTypes(_actor: Actor, onlyActive = false): Promise<ActivityTypeDto[]> {
  const rows = await prisma().activityType.findMany({ where: onlyActive ? { active: true } : {}, orderBy: [{ position: "asc" }, { name: "asc" }] });
  return rows.map(toDto);
}

const taken = () => new AppError("CONFLICT", "An activity type of that name exists", { name: "An activity type of that name exists" });

export async function createActivityType(actor: Actor, input: ActivityTypeCreateInput): Promise<ActivityTypeDto> {
  return adminTransaction(actor, async (tx) => {
    if (await tx.activityType.count({ where: { name: { equals: input.name, mode: "insensitive" } } })) throw taken();
    const position = (await tx.activityType.aggregate({ _max: { position: true } }))._max.position ?? -1;
    const created = toDto(await tx.activityType.create({ data: { ...input, position: position + 1 } }));
    await writeAudit(tx, actor, { action: "create", entity: "ActivityType", entityId: created.id, after: created });
    return created;
  });
}

export async function updateActivityType(actor: Actor, id: string, input: ActivityTypeUpdateInput): Promise<ActivityTypeDto> {
  return adminTransaction(actor, async (tx) => {
    const before = await tx.activityType.findUnique({ where: { id } });
    if (!before) throw notFound("Activity type");
    if (input.name && (await tx.activityType.count({ where: { id: { not: id }, name: { equals: input.name, mode: "insensitive" } } }))) throw taken();
    const data = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = toDto(await tx.activityType.update({ where: { id }, data }));
    await writeAudit(tx, actor, { action: "update", entity: "ActivityType", entityId: id, before: toDto(before), after });
    return after;
  });
}
