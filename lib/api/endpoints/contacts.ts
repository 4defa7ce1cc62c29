import { z } from "zod";
import { idFilter, idParams, updatedSinceFilter } from "@/lib/validation/api-common";
import { CONTACT_SORT_FIELDS, contactApiDeleteQuery, contactApiUpdateSchema, contactCreateSchema } from "@/lib/validation/contact";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { deletedSchema, sortQuery, timestamp } from "./wire";

export const contactSchema = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    jobTitle: z.string().nullable(),
    accountId: z.string().nullable(),
    externalId: z.string().nullable().describe("The id in the system it was imported or synced from; unique"),
    createdAt: timestamp,
    updatedAt: timestamp.describe("Send it back (or If-Match with the ETag) to update safely"),
  })
  .meta({ id: "Contact" });

export const listContacts = endpoint({
  method: "get",
  path: "/contacts",
  tag: "Contacts",
  summary: "List contacts",
  description:
    "Newest first unless sorted. q: every word in the name, email or account name. opportunityId: the contacts of an opportunity you may see (none for one you may not).",
  auth: "user",
  query: z.strictObject({
    ...pagingQuery,
    q: z.string().trim().min(1).max(200).optional(),
    accountId: idFilter,
    opportunityId: idFilter,
    email: z.string().trim().min(1).max(200).optional(),
    updatedSince: updatedSinceFilter,
    sort: sortQuery(CONTACT_SORT_FIELDS, "-createdAt"),
  }),
  response: listEnvelope(contactSchema),
});

export const getContact = endpoint({
  method: "get",
  path: "/contacts/{id}",
  tag: "Contacts",
  summary: "Get a contact",
  auth: "user",
  params: idParams,
  response: contactSchema,
  errors: [404],
});

export const createContact = endpoint({
  method: "post",
  path: "/contacts",
  tag: "Contacts",
  summary: "Create a contact",
  description: "Anyone may.",
  auth: "user",
  body: contactCreateSchema,
  response: contactSchema,
  status: 201,
  example: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", jobTitle: "CTO", accountId: "<account id>" },
});

export const updateContact = endpoint({
  method: "patch",
  path: "/contacts/{id}",
  tag: "Contacts",
  summary: "Update a contact",
  description: "Anyone may. Fields not sent stay unchanged; null clears one. Send updatedAt or If-Match to refuse stale writes (409).",
  auth: "user",
  params: idParams,
  body: contactApiUpdateSchema,
  response: contactSchema,
  errors: [404, 409],
  example: { jobTitle: "VP Engineering", updatedAt: "2026-11-23T08:00:00.000Z" },
});

export const deleteContact = endpoint({
  method: "delete",
  path: "/contacts/{id}",
  tag: "Contacts",
  summary: "Delete a contact",
  description:
    "Anyone may. One that opportunities name needs strategy=remove (another contact becomes primary where it was) or strategy=replace with replacementId (409 without).",
  auth: "user",
  params: idParams,
  query: contactApiDeleteQuery,
  response: deletedSchema({ opportunities: z.number().int().describe("Opportunities it was removed from or replaced on") }),
  errors: [404, 409],
});
