"use server";
// Server actions for contacts (their pages and the opportunity form's picker).
import { serverAction } from "@/lib/server/action";
import { searchContacts } from "@/lib/server/contacts/list";
import { contactUsage, createContact, deleteContact, updateContact } from "@/lib/server/contacts/write";
import {
  contactCreateSchema,
  contactDeleteSchema,
  contactIdActionSchema,
  contactSearchActionSchema,
  contactUpdateActionSchema,
} from "@/lib/validation/contact";

export const searchContactsAction = serverAction(contactSearchActionSchema, (actor, input) => searchContacts(actor, input.q, input.accountId));
export const createContactAction = serverAction(contactCreateSchema, (actor, input) => createContact(actor, input));
export const updateContactAction = serverAction(contactUpdateActionSchema, (actor, input) => updateContact(actor, input.id, input.changes));
export const contactUsageAction = serverAction(contactIdActionSchema, (actor, input) => contactUsage(actor, input.id));
export const deleteContactAction = serverAction(contactDeleteSchema, (actor, input) => deleteContact(actor, input));
