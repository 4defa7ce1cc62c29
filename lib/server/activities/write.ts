// Creating, changing, marking done and deleting activities. Each change runs in
// one transaction with its outbox event (activity.created / updated / done /
// deleted, seen by who sees the deal) and the notification of a new assignee.
// A change locks the activity's row first, so concurrent changes run one after
// another: marking done twice at once marks it once (one event, one doneAt).
// Who may: create, whoever sees the record; change or delete, the assignee, the
// creator and whoever may edit the deal (anyone for account and contact ones).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { dueIssues, linkIssues, type ActivityCreateInput, type ActivityUpdateInput } from "@/lib/validation/activity";
import type { Actor } from "../auth/actor";
import { AppError, forbidden, notFound } from "../errors";
import { changeEvent, eventActor, recordEvents, type EventRecord } from "../events/write";
import { findDeal, linkedAudience, mayWorkOn, resolveLinks, staleVersion, usersWhoSee, type LinkedDeal } from "../linked-records";
import { notify } from "../notifications/notify";
import { ACTIVITY_INCLUDE, toActivityDto, type ActivityDto } from "./dto";

type Tx = Prisma.TransactionClient;

const dateOf = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(`${v}T00:00:00Z`));

async function checkType(tx: Tx, typeId: string, current?: string) {
  const type = await tx.activityType.findUnique({ where: { id: typeId }, select: { active: true } });
  // A deactivated type stays on the activities that have it, but is not chosen again.
  if (!type || (!type.active && typeId !== current)) throw new AppError("VALIDATION", "Unknown activity type", { typeId: "Choose an activity type" });
}

/** The assignee is an active user who sees the deal (else assigning would show them nothing, or leak it). */
async function checkAssignee(tx: Tx, assigneeId: string, deal: LinkedDeal | null) {
  if (!(await usersWhoSee(tx, [assigneeId], deal)).has(assigneeId)) {
    const active = await tx.user.count({ where: { id: assigneeId, active: true } });
    throw new AppError("VALIDATION", "Choose someone who can see the record", {
      assigneeId: active ? "This person cannot see this private opportunity; add them as a member first" : "Choose an active user",
    });
  }
}

async function assignedNotice(tx: Tx, actor: Actor, a: ActivityDto, previousAssignee: string | null) {
  if (a.assigneeId === actor.id || a.assigneeId === previousAssignee || a.done) return;
  await notify(tx, [
    {
      recipientId: a.assigneeId,
      kind: "activity_assigned",
      actorId: actor.id,
      title: `${actor.name} assigned you ${a.type.name.toLowerCase()}: ${a.subject}`,
      opportunityId: a.opportunityId,
      accountId: a.accountId,
      contactId: a.contactId,
      activityId: a.id,
    },
  ]);
}

function activityEvent(before: ActivityDto | null, after: ActivityDto | null, actor: Actor, deal: LinkedDeal | null, at: Date): EventRecord {
  const e = changeEvent("activity", before ? { ...before } : null, after ? { ...after } : null, eventActor(actor), at, linkedAudience(deal));
  if (before && after && after.done && !before.done) return { ...e, type: "activity.done" };
  return e;
}

export async function createActivity(actor: Actor, input: ActivityCreateInput): Promise<ActivityDto> {
  return prisma().$transaction(async (tx) => {
    const { deal } = await resolveLinks(tx, actor, input);
    await checkType(tx, input.typeId);
    const assigneeId = input.assigneeId ?? actor.id;
    if (assigneeId !== actor.id) await checkAssignee(tx, assigneeId, deal);
    const now = new Date();
    const row = await tx.activity.create({
      data: {
        typeId: input.typeId,
        subject: input.subject,
        note: input.note ?? null,
        dueDate: dateOf(input.dueDate) ?? null,
        dueTime: input.dueTime ?? null,
        durationMinutes: input.durationMinutes ?? null,
        priority: input.priority ?? "NORMAL",
        assigneeId,
        done: input.done ?? false,
        doneAt: input.done ? now : null,
        doneById: input.done ? actor.id : null,
        opportunityId: input.opportunityId ?? null,
        accountId: input.accountId ?? null,
        contactId: input.contactId ?? null,
        createdById: actor.id,
      },
      include: ACTIVITY_INCLUDE,
    });
    const created = toActivityDto(row);
    await recordEvents(tx, [activityEvent(null, created, actor, deal, row.updatedAt)]);
    await assignedNotice(tx, actor, created, null);
    return created;
  });
}

/** Locks the activity, then checks the actor sees it (NOT_FOUND), may change it (FORBIDDEN) and read its current version (CONFLICT). */
async function lockActivity(tx: Tx, actor: Actor, id: string, expectedVersion: number | undefined) {
  await tx.$queryRaw`SELECT 1 FROM "Activity" WHERE "id" = ${id} FOR UPDATE`;
  const row = await tx.activity.findUnique({ where: { id }, include: ACTIVITY_INCLUDE });
  const deal = row?.opportunityId ? await findDeal(tx, row.opportunityId) : null;
  if (!row || (deal && !(await findDeal(tx, deal.id, actor)))) throw notFound("Activity");
  const before = toActivityDto(row);
  if (!(mayWorkOn(actor, deal) || before.assigneeId === actor.id || before.createdById === actor.id)) {
    throw forbidden("Only the assignee, the creator and whoever may edit the opportunity can change this activity");
  }
  if (expectedVersion !== undefined && expectedVersion !== before.version) throw staleVersion("activity");
  return { before, deal };
}

/** PATCH: fields not sent stay. `done: true` on a done activity changes nothing (no event, same doneAt). */
export async function updateActivity(actor: Actor, id: string, input: ActivityUpdateInput, expectedVersion?: number): Promise<ActivityDto> {
  return prisma().$transaction(async (tx) => {
    const { before, deal: currentDeal } = await lockActivity(tx, actor, id, expectedVersion);
    const merged = {
      opportunityId: input.opportunityId === undefined ? before.opportunityId : input.opportunityId,
      accountId: input.accountId === undefined ? before.accountId : input.accountId,
      contactId: input.contactId === undefined ? before.contactId : input.contactId,
      dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
      dueTime: input.dueTime === undefined ? before.dueTime : input.dueTime,
    };
    const issues = { ...linkIssues(merged), ...dueIssues(merged) };
    if (Object.keys(issues).length) throw new AppError("VALIDATION", "Some fields are invalid", issues);
    const relinked = input.opportunityId !== undefined || input.accountId !== undefined || input.contactId !== undefined;
    const deal = relinked ? (await resolveLinks(tx, actor, merged)).deal : currentDeal;
    if (relinked && !mayWorkOn(actor, deal)) throw forbidden("Only whoever may edit that opportunity can move activities onto it");
    if (input.typeId !== undefined) await checkType(tx, input.typeId, before.typeId);
    const assigneeId = input.assigneeId ?? before.assigneeId;
    if (assigneeId !== actor.id && (input.assigneeId !== undefined || relinked)) await checkAssignee(tx, assigneeId, deal);

    const data: Prisma.ActivityUncheckedUpdateInput = {};
    for (const key of ["typeId", "subject", "note", "dueTime", "durationMinutes", "priority", "assigneeId", "opportunityId", "accountId", "contactId"] as const) {
      if (input[key] !== undefined) (data as Record<string, unknown>)[key] = input[key];
    }
    if (input.dueDate !== undefined) data.dueDate = dateOf(input.dueDate);
    if (input.done !== undefined && input.done !== before.done) {
      data.done = input.done;
      data.doneAt = input.done ? new Date() : null;
      data.doneById = input.done ? actor.id : null;
    }
    const changed = Object.entries(data).some(([k, v]) => {
      const was = (before as unknown as Record<string, unknown>)[k];
      return k === "dueDate" ? (v === null ? null : (v as Date).toISOString().slice(0, 10)) !== was : v !== was;
    });
    if (!changed) return before; // nothing to write: idempotent (a second "done" included)
    data.version = { increment: 1 };
    const after = toActivityDto(await tx.activity.update({ where: { id }, data, include: ACTIVITY_INCLUDE }));
    await recordEvents(tx, [activityEvent(before, after, actor, deal, new Date(after.updatedAt))]);
    await assignedNotice(tx, actor, after, before.assigneeId);
    return after;
  });
}

export const markActivityDone = (actor: Actor, id: string, done = true) => updateActivity(actor, id, { done });

export async function deleteActivity(actor: Actor, id: string, expectedVersion?: number): Promise<{ id: string; deleted: true }> {
  return prisma().$transaction(async (tx) => {
    const { before, deal } = await lockActivity(tx, actor, id, expectedVersion);
    await tx.activity.delete({ where: { id } });
    await recordEvents(tx, [activityEvent(before, null, actor, deal, new Date())]);
    return { id, deleted: true as const };
  });
}
