// Reading notes: pinned first, then newest first; only those whose deal the actor sees.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { NoteListFilters } from "@/lib/validation/note";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { linkedWhere, visibleLinked } from "../linked-records";
import { toNoteDto, type NoteDto } from "./dto";

export async function getNote(actor: Actor, id: string): Promise<NoteDto> {
  const row = await prisma().note.findFirst({ where: { AND: [{ id }, visibleLinked(actor)] } });
  if (!row) throw notFound("Note");
  return toNoteDto(row);
}

export function noteWhere(actor: Actor, f: NoteListFilters): Prisma.NoteWhereInput {
  const and: Prisma.NoteWhereInput[] = linkedWhere(actor, f);
  if (f.authorId) and.push({ authorId: f.authorId === "me" ? actor.id : f.authorId });
  return { AND: and };
}

export async function listNotes(actor: Actor, filters: NoteListFilters, window: { skip: number; take: number }): Promise<{ total: number; rows: NoteDto[] }> {
  const where = noteWhere(actor, filters);
  const [total, rows] = await Promise.all([
    prisma().note.count({ where }),
    prisma().note.findMany({ where, orderBy: [{ pinned: "desc" }, { createdAt: "desc" }, { id: "desc" }], ...window }),
  ]);
  return { total, rows: rows.map(toNoteDto) };
}
