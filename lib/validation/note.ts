// Note input, shared by the composer, its server actions, the API and the OpenAPI document.
import { z } from "zod";
import { linkIssues } from "./activity";
import { optionalId } from "./opportunity-fields";

export const NOTE_MAX = 20_000;

const body = z
  .string({ error: "Write the note" })
  .transform((v) => v.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "Write the note").max(NOTE_MAX, `Use at most ${NOTE_MAX.toLocaleString("en")} characters`));

const mentionIds = z
  .array(z.string().min(1).max(64), { error: "A list of user ids" })
  .max(50, "Mention at most 50 people")
  .describe("Users mentioned; those who can see the record are notified");

export const noteCreateSchema = z
  .strictObject({
    body,
    pinned: z.boolean().optional(),
    mentionIds: mentionIds.optional(),
    opportunityId: optionalId("opportunity"),
    accountId: optionalId("account"),
    contactId: optionalId("contact"),
  })
  .superRefine((v, ctx) => {
    for (const [path, message] of Object.entries(linkIssues(v))) ctx.addIssue({ code: "custom", path: [path], message });
  });
export type NoteCreateInput = z.output<typeof noteCreateSchema>;

export const noteUpdateSchema = z.strictObject({ body: body.optional(), pinned: z.boolean({ error: "Must be true or false" }).optional(), mentionIds: mentionIds.optional() });
export type NoteUpdateInput = z.output<typeof noteUpdateSchema>;
export const noteApiUpdateSchema = noteUpdateSchema.extend({
  version: z.number().int().min(1).optional().describe("The version you read; a stale one answers 409 and changes nothing"),
});

export const noteUpdateActionSchema = z.strictObject({ id: z.string().min(1).max(64), changes: noteUpdateSchema });
export const noteIdActionSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const noteListFilters = {
  opportunityId: z.string().min(1).max(100).optional(),
  accountId: z.string().min(1).max(100).optional(),
  contactId: z.string().min(1).max(100).optional(),
  authorId: z.string().min(1).max(100).optional(),
};
export type NoteListFilters = { [K in keyof typeof noteListFilters]?: z.output<(typeof noteListFilters)[K]> };
