// Writing notes, each change in one transaction with its outbox event
// (note.created / updated / deleted, seen by who sees the deal) and the
// notifications of the users it newly mentions. A mentioned user who cannot see
// the record is told nothing, and the answer says so (mentionsNotNotified).
// Who may: write one, whoever sees the record; edit the text or delete, its
// author, managers and admins; pin, also whoever may edit the deal.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { NoteCreateInput, NoteUpdateInput } from "@/lib/validation/note";
import { seesEverything, type Actor } from "../auth/actor";
import { forbidden, notFound } from "../errors";
import { changeEvent, eventActor, recordEvents } from "../events/write";
import { findDeal, linkedAudience, mayWorkOn, resolveLinks, staleVersion, usersWhoSee, type LinkedDeal } from "../linked-records";
import { notify } from "../notifications/notify";
import { toNoteDto, type NoteDto } from "./dto";

type Tx = Prisma.TransactionClient;

export type NoteWriteResult = NoteDto & { mentionsNotNotified: string[] };

/** Notifies the newly mentioned users who see the record; returns those who do not (they get nothing). */
async function mentionNotices(tx: Tx, actor: Actor, note: NoteDto, mentioned: string[], deal: LinkedDeal | null): Promise<string[]> {
  const others = [...new Set(mentioned)].filter((id) => id !== actor.id);
  const seeing = await usersWhoSee(tx, others, deal);
  const where = deal ? `on ${deal.title}` : "in a note";
  const snippet = note.body.length > 120 ? `${note.body.slice(0, 119)}…` : note.body;
  await notify(
    tx,
    others
      .filter((id) => seeing.has(id))
      .map((recipientId) => ({
        recipientId,
        kind: "mention" as const,
        actorId: actor.id,
        title: `${actor.name} mentioned you ${where}: ${snippet}`,
        opportunityId: note.opportunityId,
        accountId: note.accountId,
        contactId: note.contactId,
        noteId: note.id,
      })),
  );
  return others.filter((id) => !seeing.has(id));
}

export async function createNote(actor: Actor, input: NoteCreateInput): Promise<NoteWriteResult> {
  return prisma().$transaction(async (tx) => {
    const { deal } = await resolveLinks(tx, actor, input);
    if (input.pinned && !mayWorkOn(actor, deal)) throw forbidden("Only whoever may edit the opportunity can pin notes on it");
    const mentionIds = [...new Set(input.mentionIds ?? [])];
    const row = await tx.note.create({
      data: {
        body: input.body,
        pinned: input.pinned ?? false,
        authorId: actor.id,
        mentionIds,
        opportunityId: input.opportunityId ?? null,
        accountId: input.accountId ?? null,
        contactId: input.contactId ?? null,
      },
    });
    const created = toNoteDto(row);
    await recordEvents(tx, [changeEvent("note", null, { ...created }, eventActor(actor), row.createdAt, linkedAudience(deal))]);
    return { ...created, mentionsNotNotified: await mentionNotices(tx, actor, created, mentionIds, deal) };
  });
}

async function lockNote(tx: Tx, actor: Actor, id: string, expectedVersion: number | undefined) {
  await tx.$queryRaw`SELECT 1 FROM "Note" WHERE "id" = ${id} FOR UPDATE`;
  const row = await tx.note.findUnique({ where: { id } });
  const deal = row?.opportunityId ? await findDeal(tx, row.opportunityId) : null;
  if (!row || (deal && !(await findDeal(tx, deal.id, actor)))) throw notFound("Note");
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw staleVersion("note");
  return { before: toNoteDto(row), deal };
}

const mayEditText = (actor: Actor, note: NoteDto) => seesEverything(actor) || note.authorId === actor.id;

export async function updateNote(actor: Actor, id: string, input: NoteUpdateInput, expectedVersion?: number): Promise<NoteWriteResult> {
  return prisma().$transaction(async (tx) => {
    const { before, deal } = await lockNote(tx, actor, id, expectedVersion);
    const textChanges = (input.body !== undefined && input.body !== before.body) || input.mentionIds !== undefined;
    if (textChanges && !mayEditText(actor, before)) throw forbidden("Only the note's author, managers and admins can edit it");
    if (input.pinned !== undefined && input.pinned !== before.pinned && !(mayWorkOn(actor, deal) || mayEditText(actor, before))) {
      throw forbidden("Only the author and whoever may edit the opportunity can pin this note");
    }
    const data: Prisma.NoteUpdateInput = {};
    if (input.body !== undefined && input.body !== before.body) Object.assign(data, { body: input.body, editedAt: new Date() });
    if (input.pinned !== undefined && input.pinned !== before.pinned) data.pinned = input.pinned;
    const mentionIds = input.mentionIds ? [...new Set(input.mentionIds)] : before.mentionIds;
    if (input.mentionIds && JSON.stringify(mentionIds) !== JSON.stringify(before.mentionIds)) data.mentionIds = mentionIds;
    if (Object.keys(data).length === 0) return { ...before, mentionsNotNotified: [] };
    data.version = { increment: 1 };
    const after = toNoteDto(await tx.note.update({ where: { id }, data }));
    await recordEvents(tx, [changeEvent("note", { ...before }, { ...after }, eventActor(actor), new Date(after.updatedAt), linkedAudience(deal))]);
    const added = mentionIds.filter((m) => !before.mentionIds.includes(m));
    return { ...after, mentionsNotNotified: await mentionNotices(tx, actor, after, added, deal) };
  });
}

export async function deleteNote(actor: Actor, id: string, expectedVersion?: number): Promise<{ id: string; deleted: true }> {
  return prisma().$transaction(async (tx) => {
    const { before, deal } = await lockNote(tx, actor, id, expectedVersion);
    if (!mayEditText(actor, before)) throw forbidden("Only the note's author, managers and admins can delete it");
    await tx.note.delete({ where: { id } });
    await recordEvents(tx, [changeEvent("note", { ...before }, null, eventActor(actor), new Date(), linkedAudience(deal))]);
    return { id, deleted: true as const };
  });
}
