// Lost reasons for every signed-in user (whoever closes a deal as lost picks
// one); only admins change the list (lib/server/settings/lists.ts).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { isoTimestamp } from "../serialize";

export interface LostReasonDto {
  id: string;
  name: string;
  position: number;
  active: boolean;
  createdAt: string;
}

type Db = Pick<Prisma.TransactionClient, "lostReason">;

const toDto = (r: Prisma.LostReasonGetPayload<object>): LostReasonDto => ({
  id: r.id, name: r.name, position: r.position, active: r.active, createdAt: isoTimestamp(r.createdAt)!,
});

export async function listLostReasons(_actor: Actor, filter: { active?: boolean; q?: string }, window: { skip: number; take: number }) {
  const where: Prisma.LostReasonWhereInput = {};
  if (filter.active !== undefined) where.active = filter.active;
  if (filter.q) where.name = { contains: filter.q, mode: "insensitive" };
  const [total, rows] = await Promise.all([
    prisma().lostReason.count({ where }),
    prisma().lostReason.findMany({ where, orderBy: [{ position: "asc" }, { name: "asc" }], ...window }),
  ]);
  return { total, rows: rows.map(toDto) };
}

export async function getLostReason(_actor: Actor, id: string, db: Db = prisma()): Promise<LostReasonDto> {
  const row = await db.lostReason.findUnique({ where: { id } });
  if (!row) throw notFound("Lost reason");
  return toDto(row);
}
