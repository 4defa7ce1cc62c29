// The people in the CRM as every signed-in user may see them (for owner and
// member pickers and the API): name, email and role, never credentials.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";

export interface UserDto {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
}

const select = { id: true, name: true, email: true, role: true, active: true } as const;

export interface UserListFilter {
  role?: Role;
  active?: boolean;
  q?: string;
}

function whereOf(filter: UserListFilter): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = {};
  if (filter.role) where.role = filter.role;
  if (filter.active !== undefined) where.active = filter.active;
  if (filter.q) where.OR = [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }];
  return where;
}

export async function listUsers(_actor: Actor, filter: UserListFilter, window: { skip: number; take: number }) {
  const where = whereOf(filter);
  const [total, rows] = await Promise.all([
    prisma().user.count({ where }),
    prisma().user.findMany({ where, select, orderBy: [{ name: "asc" }, { id: "asc" }], skip: window.skip, take: window.take }),
  ]);
  return { total, rows: rows as UserDto[] };
}

export async function getUser(_actor: Actor, id: string): Promise<UserDto> {
  const user = await prisma().user.findUnique({ where: { id }, select });
  if (!user) throw notFound("User");
  return user;
}
