"use server";
// Thin server actions for contacts (pages and the opportunity form's picker).
import { z } from "zod";
import { serverAction } from "@/lib/server/action";
import { searchContacts } from "@/lib/server/contacts/list";
import { contactUsage, createContact, deleteContact, updateContact } from "@/lib/server/contacts/write";
import {
  contactCreateSchema,
  contactDeleteSchema,
  contactIdActionSchema as idInput,
  contactSearchActionSchema as searchInput,
  contactUpdateActionSchema,
} from "@/lib/validation/contact";

const search = serverAction(searchInput, (actor, input) => searchContacts(actor, input.q, input.accountId));
const create = serverAction(contactCreateSchema, createContact);
const update = serverAction(contactUpdateActionSchema, (actor, input) => updateContact(actor, input.id, input.changes));
const usage = serverAction(idInput, (actor, input) => contactUsage(actor, input.id));
const remove = serverAction(contactDeleteSchema, deleteContact);

export async function searchContactsAction(input: z.input<typeof searchInput>) {
  return search(input);
}
export async function createContactAction(input: z.input<typeof contactCreateSchema>) {
  return create(input);
}
export async function updateContactAction(input: z.input<typeof contactUpdateActionSchema>) {
  return update(input);
}
export async function contactUsageAction(input: z.input<typeof idInput>) {
  return usage(input);
}
export async function deleteContactAction(input: z.input<typeof contactDeleteSchema>) {
  return remove(input);
}
