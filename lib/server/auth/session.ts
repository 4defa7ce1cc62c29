// The one helper pages, server actions and route handlers use to learn who is acting.
import { redirect } from "next/navigation";
import { AppError } from "../errors";
import { loadActiveActor, type Actor } from "./actor";
import { auth } from "./auth";

/** The signed-in, active user, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadActiveActor(id) : null;
}

/** For pages: sends anonymous visitors to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return actor;
}

/** For server actions and handlers: refuses anonymous callers. */
export async function actorOrThrow(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return actor;
}
