// Note as the outside world sees it. `mentionsNotNotified` (create and update
// answers only): mentioned users who cannot see the record, so nobody was told.
import type { Note } from "@/lib/db/generated/client";
import { isoTimestamp } from "../serialize";

export interface NoteDto {
  id: string;
  body: string;
  pinned: boolean;
  authorId: string | null;
  mentionIds: string[];
  opportunityId: string | null;
  accountId: string | null;
  contactId: string | null;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
  version: number;
}

export function toNoteDto(n: Note): NoteDto {
  return {
    id: n.id,
    body: n.body,
    pinned: n.pinned,
    authorId: n.authorId,
    mentionIds: n.mentionIds,
    opportunityId: n.opportunityId,
    accountId: n.accountId,
    contactId: n.contactId,
    createdAt: isoTimestamp(n.createdAt)!,
    updatedAt: isoTimestamp(n.updatedAt)!,
    editedAt: isoTimestamp(n.editedAt),
    version: n.version,
  };
}
