// Activities, notes and notifications on both databases: the rules, who sees
// what (an activity, note or notification about a private deal reaches nobody
// who cannot see the deal, in reads, lists and counts), the events written with
// each change, and marking done in parallel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { createActivity, deleteActivity, markActivityDone, updateActivity } from "@/lib/server/activities/write";
import { getActivity, listActivities } from "@/lib/server/activities/read";
import { createActivityType, listActivityTypes, updateActivityType } from "@/lib/server/activities/types";
import { createAccount, deleteAccount } from "@/lib/server/accounts/write";
import type { Actor } from "@/lib/server/auth/actor";
import { createNote, deleteNote, updateNote } from "@/lib/server/notes/write";
import { getNote, listNotes } from "@/lib/server/notes/read";
import { listNotifications, unreadCount } from "@/lib/server/notifications/read";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/server/notifications/write";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { activityCreateSchema } from "@/lib/validation/activity";
import { noteCreateSchema } from "@/lib/validation/note";
import { addDaysIso, clockOf } from "@/lib/domain/activities";
import { columnPages } from "@/lib/server/board/cards";
import { boardConditionSql } from "@/lib/server/board/filters";
import { listOpportunityTable } from "@/lib/server/opportunities/list/table";
import { EMPTY_FILTERS } from "@/lib/validation/board";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const all = { skip: 0, take: 100 };
const byDue = { field: "due" as const, dir: "asc" as const };

describe.each(availableKinds())("activities, notes and notifications on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let stageId: string;
  let types: Record<string, string>;

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    stageId = (await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Lead" } })).id;
    types = Object.fromEntries((await listActivityTypes(actors.bob)).map((x) => [x.name, x.id]));
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; fields?: Record<string, string> }) => ({ code: e.code, fields: e.fields }));
  const eventsOf = async (recordId: string) =>
    (await t.db.prisma.event.findMany({ where: { recordId }, orderBy: { seq: "asc" } })).map((e) => ({ type: e.type, isPrivate: e.isPrivate, visibleTo: e.visibleTo }));

  it("starts with the five activity types, each with an icon; only admins change them", async () => {
    expect((await listActivityTypes(actors.bob)).map((x) => [x.name, x.icon])).toEqual([
      ["Call", "phone"], ["Meeting", "users"], ["Task", "check"], ["Email", "mail"], ["Deadline", "flag"],
    ]);
    expect(await errorOf(createActivityType(actors.bob, { name: "Lunch", icon: "coffee" }))).toMatchObject({ code: "FORBIDDEN" });
    const lunch = await createActivityType(actors.admin, { name: "Lunch", icon: "coffee" });
    expect(lunch.position).toBe(5);
    expect(await errorOf(createActivityType(actors.admin, { name: "lunch", icon: "mail" }))).toMatchObject({ code: "CONFLICT", fields: { name: expect.any(String) } });
    await updateActivityType(actors.admin, lunch.id, { active: false });
    expect((await listActivityTypes(actors.bob, true)).map((x) => x.name)).not.toContain("Lunch");
    const deal = await createOpportunity(actors.bob, { title: "Lunch deal", stageId });
    expect(await errorOf(createActivity(actors.bob, { typeId: lunch.id, subject: "Eat", opportunityId: deal.id }))).toMatchObject({ code: "VALIDATION", fields: { typeId: "Choose an activity type" } });
  });

  it("validates in plain words: subject, link, time without date, duration", async () => {
    const r = activityCreateSchema.safeParse({ typeId: "x", subject: " ", dueDate: "2026-12-01", dueTime: "25:00", durationMinutes: 0 });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      subject: "Enter a subject", dueTime: "Enter a time like 14:30", durationMinutes: "Enter at least 1 minute", opportunityId: "Link it to an opportunity, an account or a contact",
    });
    const r2 = activityCreateSchema.safeParse({ typeId: "x", subject: "S", dueTime: "10:00", durationMinutes: 1441, accountId: "a" });
    expect(Object.fromEntries(r2.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({ dueTime: "A due time needs a due date", durationMinutes: "Enter at most 24 hours (1440 minutes)" });
    expect(noteCreateSchema.safeParse({ body: "x".repeat(20_001), accountId: "a" }).error!.issues[0].message).toBe("Use at most 20,000 characters");
    expect(noteCreateSchema.safeParse({ body: "  \r\n ", accountId: "a" }).error!.issues[0].message).toBe("Write the note");
    // The merged state of a change is checked by the service.
    const deal = await createOpportunity(actors.alice, { title: "Rules deal", stageId });
    const a = await createActivity(actors.alice, { typeId: types.Call, subject: "Call", opportunityId: deal.id, dueDate: "2026-12-10", dueTime: "09:30" });
    expect(await errorOf(updateActivity(actors.alice, a.id, { dueDate: null }))).toEqual({ code: "VALIDATION", fields: { dueTime: "A due time needs a due date" } });
    expect(await errorOf(updateActivity(actors.alice, a.id, { opportunityId: null }))).toEqual({ code: "VALIDATION", fields: { opportunityId: "Link it to an opportunity, an account or a contact" } });
    expect(await errorOf(updateActivity(actors.alice, a.id, { subject: "New" }, 7))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(createActivity(actors.alice, { typeId: types.Call, subject: "x", opportunityId: "missing" }))).toEqual({ code: "VALIDATION", fields: { opportunityId: "Unknown opportunity" } });
  });

  it("creates an activity assigned to me by default, with its event, and lists it by due date", async () => {
    const deal = await createOpportunity(actors.alice, { title: "Due order deal", stageId });
    const later = await createActivity(actors.alice, { typeId: types.Meeting, subject: "Later", opportunityId: deal.id, dueDate: "2026-12-20" });
    const timed = await createActivity(actors.alice, { typeId: types.Call, subject: "Timed", opportunityId: deal.id, dueDate: "2026-12-09", dueTime: "15:00", durationMinutes: 30 });
    const allDay = await createActivity(actors.alice, { typeId: types.Task, subject: "All day", opportunityId: deal.id, dueDate: "2026-12-09" });
    const undated = await createActivity(actors.alice, { typeId: types.Task, subject: "Someday", opportunityId: deal.id });
    expect(later).toMatchObject({ assigneeId: actors.alice.id, createdById: actors.alice.id, done: false, priority: "NORMAL", version: 1, type: { name: "Meeting", icon: "users" } });
    const { rows, total } = await listActivities(actors.alice, { opportunityId: deal.id }, byDue, all);
    expect([total, rows.map((r) => r.subject)]).toEqual([4, ["All day", "Timed", "Later", "Someday"]]);
    expect((await listActivities(actors.alice, { opportunityId: deal.id, dueFrom: "2026-12-10", dueTo: "2026-12-31" }, byDue, all)).rows.map((r) => r.id)).toEqual([later.id]);
    expect(await eventsOf(timed.id)).toEqual([{ type: "activity.created", isPrivate: false, visibleTo: [] }]);
    expect(undated.dueDate).toBeNull();
    expect(allDay.dueTime).toBeNull();
  });

  it("keeps an activity and note on a private deal from whoever cannot see the deal, everywhere", async () => {
    const secret = await createOpportunity(actors.alice, { title: "Secret deal", stageId, isPrivate: true });
    const act = await createActivity(actors.alice, { typeId: types.Call, subject: "Secret call", opportunityId: secret.id, dueDate: "2026-12-08" });
    const note = await createNote(actors.alice, { body: "Secret note for @Bob", opportunityId: secret.id, mentionIds: [actors.bob.id, actors.manager.id] });
    // A mention of someone who cannot see the deal notifies nobody and says so.
    expect(note.mentionsNotNotified).toEqual([actors.bob.id]);
    expect(await eventsOf(act.id)).toEqual([{ type: "activity.created", isPrivate: true, visibleTo: [actors.alice.id] }]);
    expect(await eventsOf(note.id)).toEqual([{ type: "note.created", isPrivate: true, visibleTo: [actors.alice.id] }]);

    expect(await errorOf(getActivity(actors.bob, act.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(getNote(actors.bob, note.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await listActivities(actors.bob, { opportunityId: secret.id }, byDue, all)).toEqual({ total: 0, rows: [] });
    expect((await listActivities(actors.bob, {}, byDue, { skip: 0, take: 1000 })).rows.map((r) => r.id)).not.toContain(act.id);
    expect(await listNotes(actors.bob, { opportunityId: secret.id }, all)).toEqual({ total: 0, rows: [] });
    expect(await errorOf(updateActivity(actors.bob, act.id, { done: true }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(deleteNote(actors.bob, note.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(createActivity(actors.bob, { typeId: types.Call, subject: "Snoop", opportunityId: secret.id }))).toEqual({ code: "VALIDATION", fields: { opportunityId: "Unknown opportunity" } });
    expect(await errorOf(createNote(actors.bob, { body: "Snoop", opportunityId: secret.id }))).toEqual({ code: "VALIDATION", fields: { opportunityId: "Unknown opportunity" } });
    // Nor can alice hand it to bob, who would see nothing (or learn of the deal).
    expect(await errorOf(createActivity(actors.alice, { typeId: types.Call, subject: "For bob", opportunityId: secret.id, assigneeId: actors.bob.id }))).toEqual({
      code: "VALIDATION", fields: { assigneeId: "This person cannot see this private opportunity; add them as a member first" },
    });
    expect((await listNotifications(actors.bob, {}, all)).rows.map((n) => n.noteId)).not.toContain(note.id);
    // The manager sees it all and was told.
    expect((await getActivity(actors.manager, act.id)).subject).toBe("Secret call");
    expect((await listNotifications(actors.manager, { unread: true }, all)).rows.map((n) => [n.kind, n.noteId, n.link])).toContainEqual(["mention", note.id, `/opportunities/${secret.id}`]);
  });

  it("notifies an assignee, and drops the notification and its count once the deal is hidden from them", async () => {
    const deal = await createOpportunity(actors.alice, { title: "Shared deal", stageId });
    const before = await unreadCount(actors.bob);
    const act = await createActivity(actors.alice, { typeId: types.Email, subject: "Send the offer", opportunityId: deal.id, assigneeId: actors.bob.id });
    // Assigning to oneself, or changing something else, tells nobody.
    await createActivity(actors.bob, { typeId: types.Task, subject: "Own", opportunityId: deal.id });
    await updateActivity(actors.alice, act.id, { subject: "Send the offer today" });
    expect(await unreadCount(actors.bob)).toBe(before + 1);
    const [n] = (await listNotifications(actors.bob, { unread: true }, all)).rows;
    expect(n).toMatchObject({ kind: "activity_assigned", activityId: act.id, opportunityId: deal.id, read: false, title: `${actors.alice.name} assigned you email: Send the offer` });
    // The assignee may mark it done; someone neither assignee nor on the deal may not change it.
    expect(await errorOf(updateActivity(actors.bob, (await createActivity(actors.alice, { typeId: types.Call, subject: "Alice's", opportunityId: deal.id })).id, { subject: "Mine" }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await markActivityDone(actors.bob, act.id)).doneById).toBe(actors.bob.id);

    await updateOpportunity(actors.alice, deal.id, { isPrivate: true });
    expect(await unreadCount(actors.bob)).toBe(before);
    expect((await listNotifications(actors.bob, {}, all)).rows.map((x) => x.id)).not.toContain(n.id);
    expect(await errorOf(markNotificationRead(actors.bob, n.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(markNotificationRead(actors.alice, n.id))).toMatchObject({ code: "NOT_FOUND" });
    await updateOpportunity(actors.alice, deal.id, { isPrivate: false });
    const read = await markNotificationRead(actors.bob, n.id);
    expect(read.read).toBe(true);
    expect((await markNotificationRead(actors.bob, n.id)).readAt).toBe(read.readAt);
    await markAllNotificationsRead(actors.bob);
    expect(await unreadCount(actors.bob)).toBe(0);
  });

  it("marks done once when many ask at once: one doneAt, one version, one event", async () => {
    const deal = await createOpportunity(actors.bob, { title: "Parallel done", stageId });
    const act = await createActivity(actors.bob, { typeId: types.Call, subject: "Call back", opportunityId: deal.id, dueDate: "2026-12-07" });
    const results = await Promise.all(Array.from({ length: 12 }, () => markActivityDone(actors.bob, act.id)));
    expect(new Set(results.map((r) => r.doneAt)).size).toBe(1);
    expect(results.every((r) => r.done && r.version === 2)).toBe(true);
    expect((await eventsOf(act.id)).map((e) => e.type)).toEqual(["activity.created", "activity.done"]);
    const reopened = await updateActivity(actors.bob, act.id, { done: false });
    expect([reopened.done, reopened.doneAt, reopened.doneById, reopened.version]).toEqual([false, null, null, 3]);
  });

  it("edits, pins and deletes notes by the rules, mentions only new people once", async () => {
    const deal = await createOpportunity(actors.alice, { title: "Noted deal", stageId });
    const note = await createNote(actors.alice, { body: "First words", opportunityId: deal.id, mentionIds: [actors.bob.id] });
    expect(note).toMatchObject({ authorId: actors.alice.id, pinned: false, editedAt: null, mentionsNotNotified: [] });
    const mentions = async () => (await t.db.prisma.notification.count({ where: { noteId: note.id, kind: "mention" } }));
    expect(await mentions()).toBe(1);
    expect(await errorOf(updateNote(actors.bob, note.id, { body: "Bob rewrites" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(updateNote(actors.bob, note.id, { pinned: true }))).toMatchObject({ code: "FORBIDDEN" });
    const edited = await updateNote(actors.alice, note.id, { body: "Second words", pinned: true, mentionIds: [actors.bob.id, actors.manager.id] });
    expect(edited).toMatchObject({ body: "Second words", pinned: true, version: 2 });
    expect(edited.editedAt).not.toBeNull();
    expect(await mentions()).toBe(2); // the manager, newly; bob not again
    const later = await createNote(actors.alice, { body: "Later note", opportunityId: deal.id });
    expect((await listNotes(actors.bob, { opportunityId: deal.id }, all)).rows.map((n) => n.id)).toEqual([note.id, later.id]); // pinned first
    expect((await eventsOf(note.id)).map((e) => e.type)).toEqual(["note.created", "note.updated"]);
    expect(await errorOf(deleteNote(actors.bob, note.id))).toMatchObject({ code: "FORBIDDEN" });
    await deleteNote(actors.manager, note.id);
    expect((await eventsOf(note.id)).map((e) => e.type)).toEqual(["note.created", "note.updated", "note.deleted"]);
    expect(await mentions()).toBe(0); // its notifications go with it
  });

  it("deletes what hangs only on a deleted account or deal, keeps what has another link", async () => {
    const account = await createAccount(actors.alice, { name: "Short-lived GmbH" });
    const deal = await createOpportunity(actors.alice, { title: "Account deal", stageId, accountId: account.id });
    const alone = await createActivity(actors.alice, { typeId: types.Call, subject: "Account only", accountId: account.id });
    const both = await createActivity(actors.alice, { typeId: types.Call, subject: "Deal and account", accountId: account.id, opportunityId: deal.id });
    const note = await createNote(actors.alice, { body: "About the company", accountId: account.id });
    expect((await listActivities(actors.bob, { accountId: account.id }, byDue, all)).total).toBe(2);
    await deleteAccount(actors.alice, { id: account.id, strategy: "detach" });
    expect(await t.db.prisma.activity.count({ where: { id: { in: [alone.id, both.id] } } })).toBe(1);
    expect((await getActivity(actors.alice, both.id)).accountId).toBeNull();
    expect((await eventsOf(alone.id)).map((e) => e.type)).toEqual(["activity.created", "activity.deleted"]);
    expect(await t.db.prisma.note.count({ where: { id: note.id } })).toBe(0);
    await deleteOpportunity(actors.alice, deal.id);
    expect(await t.db.prisma.activity.count({ where: { id: both.id } })).toBe(0);
    expect(await errorOf(deleteActivity(actors.alice, both.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows each card's next open activity, marks deals with none, filters the board and sorts the table by it", async () => {
    const today = clockOf(new Date()).date;
    const [a, b, c] = await Promise.all(["NA-overdue", "NA-planned", "NA-nothing"].map((title) => createOpportunity(actors.alice, { title, stageId })));
    const done = await createActivity(actors.alice, { typeId: types.Call, subject: "Old call", opportunityId: a.id, dueDate: addDaysIso(today, -9) });
    await markActivityDone(actors.alice, done.id);
    await createActivity(actors.alice, { typeId: types.Email, subject: "Late email", opportunityId: a.id, dueDate: addDaysIso(today, -1) });
    await createActivity(actors.alice, { typeId: types.Meeting, subject: "Timed meeting", opportunityId: b.id, dueDate: addDaysIso(today, 1), dueTime: "10:00" });
    await createActivity(actors.alice, { typeId: types.Task, subject: "All-day task", opportunityId: b.id, dueDate: addDaysIso(today, 1) });
    const secret = await createOpportunity(actors.alice, { title: "NA-secret", stageId, isPrivate: true });

    const cards = async (actor: Actor, activity: "none" | "overdue" | null) =>
      (await columnPages(actor, boardConditionSql(actor, { ...EMPTY_FILTERS, q: "NA-", activity }), [stageId])).get(stageId)!.cards;
    const next = Object.fromEntries((await cards(actors.bob, null)).map((card) => [card.title, card.nextActivity?.subject ?? null]));
    expect(next).toEqual({ "NA-overdue": "Late email", "NA-planned": "All-day task", "NA-nothing": null });
    // The three were created at once, so their order in the column is not known: the card is found by title.
    expect((await cards(actors.bob, null)).find((card) => card.title === "NA-overdue")!.nextActivity).toMatchObject({ type: expect.any(String), icon: expect.any(String), dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await cards(actors.bob, "none")).map((x) => x.title)).toEqual(["NA-nothing"]);
    expect((await cards(actors.alice, "none")).map((x) => x.title).sort()).toEqual(["NA-nothing", "NA-secret"]);
    expect((await cards(actors.bob, "overdue")).map((x) => x.title)).toEqual(["NA-overdue"]);
    // The non-selective board path (no text filter) joins the same way.
    const all = (await columnPages(actors.bob, boardConditionSql(actors.bob, { ...EMPTY_FILTERS, activity: "overdue" }), [stageId], { sizes: { [stageId]: 500 } })).get(stageId)!.cards;
    expect(all.map((x) => x.id)).toContain(a.id);
    expect(all.map((x) => x.id)).not.toContain(c.id);

    const table = async (dir: string, activity?: string) =>
      (await listOpportunityTable(actors.alice, parseOpportunityTableQuery({ q: "NA-", sort: "nextActivity", dir, ...(activity ? { activity } : {}) }))).rows.map((r) => r.title);
    expect((await table("asc")).slice(0, 2)).toEqual(["NA-overdue", "NA-planned"]);
    expect((await table("desc")).slice(0, 2)).toEqual(["NA-planned", "NA-overdue"]);
    expect(await table("asc", "overdue")).toEqual(["NA-overdue"]);
    expect(secret.isPrivate).toBe(true);
  });
});
