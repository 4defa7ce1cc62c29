import { deleteNote as deleteEndpoint, getNote as getEndpoint, updateNote as updateEndpoint } from "@/lib/api/endpoints/activities";
import { ApiReply, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { getNote } from "@/lib/server/notes/read";
import { deleteNote, updateNote } from "@/lib/server/notes/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const note = await getNote(actor, params.id);
  return new ApiReply(note, 200, { ETag: versionETag(note.version) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { version, ...changes } = body;
  const note = await updateNote(actor, params.id, changes, expectedVersion(request, version) ?? undefined);
  return new ApiReply(note, 200, { ETag: versionETag(note.version) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, request }) => deleteNote(actor, params.id, expectedVersion(request) ?? undefined));
