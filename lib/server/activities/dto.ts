// Activity as the outside world sees it: dates YYYY-MM-DD, times HH:MM, timestamps ISO 8601.
import type { ActivityPriority, Prisma } from "@/lib/db/generated/client";
import { isoDate, isoTimestamp } from "../serialize";

export const ACTIVITY_INCLUDE = { type: { select: { id: true, name: true, icon: true } } } as const;
type ActivityRow = Prisma.ActivityGetPayload<{ include: typeof ACTIVITY_INCLUDE }>;

export interface ActivityDto {
  id: string;
  typeId: string;
  type: { id: string; name: string; icon: string };
  subject: string;
  note: string | null;
  dueDate: string | null;
  dueTime: string | null;
  durationMinutes: number | null;
  priority: ActivityPriority;
  assigneeId: string;
  done: boolean;
  doneAt: string | null;
  doneById: string | null;
  opportunityId: string | null;
  accountId: string | null;
  contactId: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toActivityDto(a: ActivityRow): ActivityDto {
  return {
    id: a.id,
    typeId: a.typeId,
    type: { id: a.type.id, name: a.type.name, icon: a.type.icon },
    subject: a.subject,
    note: a.note,
    dueDate: isoDate(a.dueDate),
    dueTime: a.dueTime,
    durationMinutes: a.durationMinutes,
    priority: a.priority,
    assigneeId: a.assigneeId,
    done: a.done,
    doneAt: isoTimestamp(a.doneAt),
    doneById: a.doneById,
    opportunityId: a.opportunityId,
    accountId: a.accountId,
    contactId: a.contactId,
    createdById: a.createdById,
    createdAt: isoTimestamp(a.createdAt)!,
    updatedAt: isoTimestamp(a.updatedAt)!,
    version: a.version,
  };
}
