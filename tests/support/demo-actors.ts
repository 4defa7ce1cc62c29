// Demo users as service actors, keyed by the part of their email before "@".
import type { Database } from "@/lib/db";
import type { Actor } from "@/lib/server/auth/actor";

export async function demoActors(db: Database): Promise<Record<"admin" | "manager" | "alice" | "bob", Actor>> {
  const actors: Record<string, Actor> = {};
  for (const u of await db.prisma.user.findMany()) actors[u.email.split("@")[0]] = { id: u.id, email: u.email, name: u.name, role: u.role };
  return actors as Record<"admin" | "manager" | "alice" | "bob", Actor>;
}
