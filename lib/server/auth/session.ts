// The one helper pages, server actions and route handlers use to learn who is acting.
import { forbidden, redirect } from "next/navigation";
import { AppError } from "../errors";
import { sessionActor } from "../sessions/store";
import { isAdmin, type Actor } from "./actor";
import { auth } from "./auth";

/** The signed-in, active user of a session that has not been ended, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  return userId && sessionId ? sessionActor(userId, sessionId) : null;
}

/** For pages: sends anonymous visitors to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return actor;
}

/** For admin pages: anonymous visitors sign in, everyone else but admins gets a real 403 page. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (!isAdmin(actor)) forbidden();
  return actor;
}

/** For server actions and handlers: refuses anonymous callers. */
export async function actorOrThrow(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return actor;
}
