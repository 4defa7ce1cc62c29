// The acting user: who is calling a service, with the role that decides what
// they may see and change. Loaded from the database on every request so that
// deactivation and role changes take effect at once (for a browser session
// with its session row: lib/server/sessions/store.ts).
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The browser session acting (absent for API keys and scripts). */
  sessionId?: string;
  /** Set when the call came through an API key: the events it causes name the key. */
  apiKeyId?: string;
}

export async function loadActiveActor(userId: string): Promise<Actor | null> {
  const user = await prisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export const isAdmin = (actor: Actor) => actor.role === "ADMIN";
/** Managers and admins see every opportunity, private ones included. */
export const seesEverything = (actor: Actor) => actor.role === "ADMIN" || actor.role === "MANAGER";
