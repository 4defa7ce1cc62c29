// Reading activities: one, or a filtered, sorted page. Only those whose deal
// the actor sees (visibleLinked), in the rows and in the total alike.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { ACTIVITY_SORT_FIELDS, ActivityListFilters } from "@/lib/validation/activity";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { linkedWhere, visibleLinked } from "../linked-records";
import { ACTIVITY_INCLUDE, toActivityDto, type ActivityDto } from "./dto";

export async function getActivity(actor: Actor, id: string): Promise<ActivityDto> {
  const row = await prisma().activity.findFirst({ where: { AND: [{ id }, visibleLinked(actor)] }, include: ACTIVITY_INCLUDE });
  if (!row) throw notFound("Activity");
  return toActivityDto(row);
}

const day = (v: string) => new Date(`${v}T00:00:00Z`);

export function activityWhere(actor: Actor, f: ActivityListFilters): Prisma.ActivityWhereInput {
  const and: Prisma.ActivityWhereInput[] = linkedWhere(actor, f);
  if (f.assigneeId) and.push({ assigneeId: f.assigneeId === "me" ? actor.id : f.assigneeId });
  if (f.typeId) and.push({ typeId: f.typeId });
  if (f.done !== undefined) and.push({ done: f.done });
  if (f.dueFrom) and.push({ dueDate: { gte: day(f.dueFrom) } });
  if (f.dueTo) and.push({ dueDate: { lte: day(f.dueTo) } });
  return { AND: and };
}

export type ActivitySort = { field: (typeof ACTIVITY_SORT_FIELDS)[number]; dir: "asc" | "desc" };

/** "due": by date (none last), date-only before timed ones of a day, then time (lib/domain/activities.ts compareDue). */
function orderBy(sort: ActivitySort): Prisma.ActivityOrderByWithRelationInput[] {
  if (sort.field === "due") {
    const nulls = sort.dir === "asc" ? "last" : "first";
    return [{ dueDate: { sort: sort.dir, nulls } }, { dueTime: { sort: sort.dir, nulls: nulls === "last" ? "first" : "last" } }, { id: sort.dir }];
  }
  if (sort.field === "doneAt") return [{ doneAt: { sort: sort.dir, nulls: "last" } }, { id: sort.dir }];
  return [{ [sort.field]: sort.dir }, { id: sort.dir }];
}

export async function listActivities(
  actor: Actor,
  filters: ActivityListFilters,
  sort: ActivitySort,
  window: { skip: number; take: number },
): Promise<{ total: number; rows: ActivityDto[] }> {
  const where = activityWhere(actor, filters);
  const [total, rows] = await Promise.all([
    prisma().activity.count({ where }),
    prisma().activity.findMany({ where, orderBy: orderBy(sort), include: ACTIVITY_INCLUDE, ...window }),
  ]);
  return { total, rows: rows.map(toActivityDto) };
}
