import { createContact as createEndpoint, listContacts as listEndpoint } from "@/lib/api/endpoints/contacts";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listContactsForApi } from "@/lib/server/contacts/api-list";
import { createContact } from "@/lib/server/contacts/write";
import type { CONTACT_SORT_FIELDS } from "@/lib/validation/contact";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const { limit: _limit, offset: _offset, cursor: _cursor, sort, ...filters } = query;
  const window = pageWindow(query);
  const field = sort.replace(/^-/, "") as (typeof CONTACT_SORT_FIELDS)[number];
  const { total, rows } = await listContactsForApi(actor, filters, { field, dir: sort.startsWith("-") ? "desc" : "asc" }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const contact = await createContact(actor, body);
  return created(contact, `/api/v1/contacts/${contact.id}`, { ETag: timestampETag(contact.updatedAt) });
});
