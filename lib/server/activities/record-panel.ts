// What the activity and note sections of a record's page show: its open
// activities in due order, the last done ones, its notes (pinned first), and
// what the composers offer (active types, active people). The caller has
// checked the actor sees the record; the lists apply visibility again anyway.
import type { Actor } from "../auth/actor";
import { listNotes } from "../notes/read";
import type { NoteDto } from "../notes/dto";
import { listUsers } from "../users/directory";
import { listActivities } from "./read";
import { listActivityTypes, type ActivityTypeDto } from "./types";
import type { ActivityDto } from "./dto";

export interface RecordPanel {
  open: ActivityDto[];
  done: ActivityDto[];
  doneTotal: number;
  notes: NoteDto[];
  types: ActivityTypeDto[];
  people: { id: string; name: string }[];
}

export async function recordPanel(actor: Actor, link: { opportunityId: string } | { accountId: string } | { contactId: string }): Promise<RecordPanel> {
  const [open, done, notes, types, people] = await Promise.all([
    listActivities(actor, { ...link, done: false }, { field: "due", dir: "asc" }, { skip: 0, take: 100 }),
    listActivities(actor, { ...link, done: true }, { field: "doneAt", dir: "desc" }, { skip: 0, take: 10 }),
    listNotes(actor, link, { skip: 0, take: 50 }),
    listActivityTypes(actor),
    listUsers(actor, { active: true }, { skip: 0, take: 500 }),
  ]);
  return {
    open: open.rows,
    done: done.rows,
    doneTotal: done.total,
    notes: notes.rows,
    types,
    people: people.rows.map((u) => ({ id: u.id, name: u.name })),
  };
}
