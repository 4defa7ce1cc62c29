"use client";
// A record's notes: a composer (plain text; "@Name" of a person mentions them,
// the @ menu inserts one) and the list, pinned first, rendered as text and links.
import { AtSign, Pin, PinOff, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button, IconButton } from "@/components/ui/button";
import { Field, fieldAria, inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { formatTimestamp } from "@/components/opportunities/format";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/lib/actions/activities";
import type { NoteDto } from "@/lib/server/notes/dto";
import type { ComposerLinks } from "./activity-composer";
import { NoteText } from "./note-text";

/** The people whose "@Name" the text contains. */
export const mentionedIn = (body: string, people: { id: string; name: string }[]) => people.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id);

export function NoteSection({ notes, links, people, me, canPin }: { notes: NoteDto[]; links: ComposerLinks; people: { id: string; name: string }[]; me: string; canPin: boolean }) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const [body, setBody] = useState("");
  const [mentioning, setMentioning] = useState(false);
  const create = useAction(createNoteAction, {
    success: (n) => (n.mentionsNotNotified.length ? `Note added; not notified (cannot see this record): ${n.mentionsNotNotified.map((id) => names.get(id) ?? id).join(", ")}` : "Note added"),
    onSuccess: () => setBody(""),
  });
  const pin = useAction(updateNoteAction);
  const remove = useAction(deleteNoteAction, { success: "Note deleted" });
  return (
    <div className="space-y-4">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void create.run({ ...links, body, mentionIds: mentionedIn(body, people) });
        }}
      >
        <Field id="note-body" label="Note" error={create.fieldErrors.body} hint="Plain text; links work. Type @ and a name to notify someone.">
          <textarea {...fieldAria("note-body", create.fieldErrors.body)} className={inputClass(!!create.fieldErrors.body)} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <div className="flex items-center justify-between gap-2">
          <div className="relative">
            <Button size="sm" variant="ghost" aria-expanded={mentioning} onClick={() => setMentioning((v) => !v)}>
              <AtSign className="size-3.5" aria-hidden="true" /> Mention
            </Button>
            {mentioning ? (
              <ul className="absolute z-10 mt-1 max-h-48 w-48 overflow-auto rounded-lg border border-border bg-surface py-1 shadow-lg" aria-label="People">
                {people.filter((p) => p.id !== me).map((p) => (
                  <li key={p.id}>
                    <button type="button" className="w-full px-3 py-1.5 text-left text-sm hover:bg-surface-muted" onClick={() => { setBody((b) => `${b}${b && !b.endsWith(" ") ? " " : ""}@${p.name} `); setMentioning(false); }}>
                      {p.name}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <Button type="submit" variant="primary" size="sm" disabled={create.pending || !body.trim()}>Add note</Button>
        </div>
      </form>
      {notes.length ? (
        <ul className="space-y-3" aria-label="Notes">
          {notes.map((n) => (
            <li key={n.id} className="rounded-lg border border-border p-3 text-sm" data-testid="note">
              <div className="mb-1 flex items-center justify-between gap-2 text-xs text-muted">
                <span>
                  {n.pinned ? <Pin className="mr-1 inline size-3 text-accent" aria-label="Pinned" /> : null}
                  {(n.authorId && names.get(n.authorId)) ?? "Someone"} · {formatTimestamp(n.createdAt)}{n.editedAt ? " · edited" : ""}
                </span>
                <span className="flex">
                  {canPin || n.authorId === me ? (
                    <IconButton label={n.pinned ? "Unpin" : "Pin"} onClick={() => pin.run({ id: n.id, changes: { pinned: !n.pinned } })}>
                      {n.pinned ? <PinOff className="size-3.5" aria-hidden="true" /> : <Pin className="size-3.5" aria-hidden="true" />}
                    </IconButton>
                  ) : null}
                  {n.authorId === me ? (
                    <IconButton label="Delete note" disabled={remove.pending} onClick={() => remove.run({ id: n.id })}>
                      <Trash2 className="size-3.5" aria-hidden="true" />
                    </IconButton>
                  ) : null}
                </span>
              </div>
              <NoteText body={n.body} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No notes yet.</p>
      )}
    </div>
  );
}
