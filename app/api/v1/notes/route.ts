import { createNote as createEndpoint, listNotes as listEndpoint } from "@/lib/api/endpoints/activities";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listNotes } from "@/lib/server/notes/read";
import { createNote } from "@/lib/server/notes/write";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const { limit: _limit, offset: _offset, cursor: _cursor, ...filters } = query;
  const window = pageWindow(query);
  const { total, rows } = await listNotes(actor, filters, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const note = await createNote(actor, body);
  return created(note, `/api/v1/notes/${note.id}`, { ETag: versionETag(note.version) });
});
