// Demo users as service actors, for settings tests.
import type { AppPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/server/auth/actor";

export async function actorByEmail(p: AppPrismaClient, email: string): Promise<Actor> {
  const u = await p.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}
