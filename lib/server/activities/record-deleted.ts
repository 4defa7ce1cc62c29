// Deleting an account or a contact: activities and notes linked to it alone
// (no deal, no other record) go with it, each with its tombstone event; the
// others only lose that link (ON DELETE SET NULL). A deal's own deletion takes
// its activities and notes along (ON DELETE CASCADE), as it takes its history.
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { changeEvent, eventActor, recordEvents } from "../events/write";
import { toNoteDto } from "../notes/dto";
import { ACTIVITY_INCLUDE, toActivityDto } from "./dto";

type Tx = Prisma.TransactionClient;

export async function deleteWhatOnlyLinksTo(tx: Tx, actor: Actor, link: { accountId: string } | { contactId: string }, at: Date): Promise<void> {
  const alone = "accountId" in link ? { accountId: link.accountId, contactId: null } : { contactId: link.contactId, accountId: null };
  const where = { ...alone, opportunityId: null };
  const [activities, notes] = await Promise.all([tx.activity.findMany({ where, include: ACTIVITY_INCLUDE }), tx.note.findMany({ where })]);
  if (activities.length) await tx.activity.deleteMany({ where: { id: { in: activities.map((a) => a.id) } } });
  if (notes.length) await tx.note.deleteMany({ where: { id: { in: notes.map((n) => n.id) } } });
  const by = eventActor(actor);
  await recordEvents(tx, [
    ...activities.map((a) => changeEvent("activity", { ...toActivityDto(a) }, null, by, at)),
    ...notes.map((n) => changeEvent("note", { ...toNoteDto(n) }, null, by, at)),
  ]);
}
