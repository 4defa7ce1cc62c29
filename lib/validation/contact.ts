// Contact input, shared by the contact form, its server actions and the API.
import { z } from "zod";
import { updatedAtPrecondition } from "./api-common";
import { optionalText } from "./opportunity-fields";

export const contactCreateSchema = z.strictObject({
  firstName: z.string({ error: "Enter a first name" }).trim().min(1, "Enter a first name").max(100, "Use at most 100 characters"),
  lastName: z.string({ error: "Enter a last name" }).trim().min(1, "Enter a last name").max(100, "Use at most 100 characters"),
  email: optionalText(200).refine((v) => !v || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Enter an email address like name@example.com"),
  phone: optionalText(50),
  jobTitle: optionalText(100),
  accountId: z.string().trim().min(1).max(64).nullable().optional(),
  externalId: optionalText(200),
});
export const contactUpdateSchema = contactCreateSchema.partial();
export type ContactCreateInput = z.output<typeof contactCreateSchema>;
export type ContactUpdateInput = z.output<typeof contactUpdateSchema>;
export type ContactFormValues = z.input<typeof contactCreateSchema>;

export const contactUpdateActionSchema = z.strictObject({ id: z.string().min(1).max(64), changes: contactUpdateSchema });
/** The contact picker's search (optionally within one account), and the actions that take only an id. */
export const contactSearchActionSchema = z.strictObject({ q: z.string().max(200), accountId: z.string().max(64).nullable().optional() });
export const contactIdActionSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** Deleting a contact that opportunities use: remove it from them, or put another contact in its place. */
export const contactDeleteSchema = z.strictObject({
  id: z.string().min(1).max(64),
  strategy: z.enum(["remove", "replace"], { error: "Choose what happens on its opportunities" }),
  replacementId: z.string().min(1).max(64).optional(),
}).refine((v) => v.strategy !== "replace" || !!v.replacementId, { path: ["replacementId"], message: "Choose the contact that takes its place" });

/** The API's PATCH: any contact field, plus the updatedAt the client read. */
export const contactApiUpdateSchema = contactUpdateSchema.extend({ updatedAt: updatedAtPrecondition });

/** The API's DELETE: without a strategy, a contact that opportunities use is refused (409). */
export const contactApiDeleteQuery = z
  .strictObject({
    strategy: z.enum(["remove", "replace"]).optional().describe("remove: it leaves its opportunities; replace: replacementId takes its place"),
    replacementId: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.strategy !== "replace" || !!v.replacementId, { path: ["replacementId"], message: "Choose the contact that takes its place" });

export const CONTACT_SORT_FIELDS = ["lastName", "createdAt", "updatedAt"] as const;
