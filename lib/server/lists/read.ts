// Reading the lists: admins see all four with inactive items (the settings
// screen); lost reasons are also readable by everyone through the API (whoever
// closes a deal as lost picks one). Only admins change them (write.ts).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { ListKind } from "@/lib/validation/lists";
import type { Actor } from "../auth/actor";
import { assertAdmin } from "../auth/admin";
import { notFound } from "../errors";
import { listOrder, listRows, toListItemDto, type ListItemDto } from "./items";

export type ListsDto = Record<ListKind, ListItemDto[]>;

export async function listLists(actor: Actor): Promise<ListsDto> {
  assertAdmin(actor);
  const db = prisma();
  const [source, type, lostReason, label] = await Promise.all((["source", "type", "lostReason", "label"] as const).map(async (kind) => (await listRows(db, kind)).map(toListItemDto)));
  return { source, type, lostReason, label };
}

/** Active lost reasons, for choosing one when a settings change closes deals as lost. */
export async function activeLostReasons(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertAdmin(actor);
  return prisma().lostReason.findMany({ where: { active: true }, orderBy: listOrder, select: { id: true, name: true } });
}

export async function listLostReasons(_actor: Actor, filter: { active?: boolean; q?: string }, window: { skip: number; take: number }) {
  const where: Prisma.LostReasonWhereInput = {};
  if (filter.active !== undefined) where.active = filter.active;
  if (filter.q) where.name = { contains: filter.q, mode: "insensitive" };
  const [total, rows] = await Promise.all([
    prisma().lostReason.count({ where }),
    prisma().lostReason.findMany({ where, orderBy: listOrder, ...window }),
  ]);
  return { total, rows: rows.map(toListItemDto) };
}

export async function getLostReason(_actor: Actor, id: string): Promise<ListItemDto> {
  const row = await prisma().lostReason.findUnique({ where: { id } });
  if (!row) throw notFound("Lost reason");
  return toListItemDto(row);
}
