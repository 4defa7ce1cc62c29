// Who may import: admins and managers. Salespeople may not (DESIGN.md,
// "Imports"): a file can create or overwrite thousands of records at once,
// and the team's data is the managers' to move; a salesperson's deals come
// in through their manager's import with the owner column naming them.
import { prisma } from "@/lib/db";
import { seesEverything, type Actor } from "../auth/actor";
import { forbidden, notFound } from "../errors";

export function assertImporter(actor: Actor): void {
  if (!seesEverything(actor)) throw forbidden("Only admins and managers can import");
}

/** An import by id, for admins and managers (they see every import, as they see every deal). */
export async function importFor(actor: Actor, id: string) {
  assertImporter(actor);
  const row = await prisma().import.findUnique({ where: { id } });
  if (!row) throw notFound("Import");
  return row;
}
