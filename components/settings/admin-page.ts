// Pages under /settings call this first: the layout's check does not run
// before a page renders, so each page re-checks the role itself.
import { isAdmin, type Actor } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";

export async function adminOrNull(): Promise<Actor | null> {
  const actor = await requireActor();
  return isAdmin(actor) ? actor : null;
}
