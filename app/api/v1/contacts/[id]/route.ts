import { deleteContact as deleteEndpoint, getContact as getEndpoint, updateContact as updateEndpoint } from "@/lib/api/endpoints/contacts";
import { ApiReply, expectedUpdatedAt, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { getContact } from "@/lib/server/contacts/list";
import { deleteContact, updateContact } from "@/lib/server/contacts/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const contact = await getContact(actor, params.id);
  return new ApiReply(contact, 200, { ETag: timestampETag(contact.updatedAt) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { updatedAt, ...changes } = body;
  const contact = await updateContact(actor, params.id, changes, expectedUpdatedAt(request, updatedAt));
  return new ApiReply(contact, 200, { ETag: timestampETag(contact.updatedAt) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, query, request }) =>
  deleteContact(actor, { id: params.id, ...query }, expectedUpdatedAt(request)),
);
