// Activity input, shared by the composer, its server actions, the API and the
// OpenAPI document. Strict: unknown fields are errors. Rules the merged state
// decides (a due time needs a due date, at least one link) are checked here for
// a creation and again by the service for a change (lib/server/activities/write.ts).
import { z } from "zod";
import { queryBoolean } from "./api-common";
import { isoDateSchema } from "./common-fields";
import { dateField, idField, optionalId, optionalText } from "./opportunity-fields";

export const ACTIVITY_PRIORITIES = ["LOW", "NORMAL", "HIGH"] as const;

export const dueTimeField = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Enter a time like 14:30")
  .describe("Time of day HH:MM (24 h); needs dueDate");

const activityFields = {
  typeId: idField("type"),
  subject: z.string({ error: "Enter a subject" }).trim().min(1, "Enter a subject").max(200, "Use at most 200 characters"),
  note: optionalText(5000),
  dueDate: dateField.nullable().optional().describe("YYYY-MM-DD"),
  dueTime: dueTimeField.nullable().optional(),
  durationMinutes: z
    .number({ error: "Enter minutes" })
    .int("Enter whole minutes")
    .min(1, "Enter at least 1 minute")
    .max(1440, "Enter at most 24 hours (1440 minutes)")
    .nullable()
    .optional(),
  priority: z.enum(ACTIVITY_PRIORITIES).optional(),
  assigneeId: idField("user").optional().describe("Defaults to you"),
  opportunityId: optionalId("opportunity"),
  accountId: optionalId("account"),
  contactId: optionalId("contact"),
};

export const LINK_REQUIRED = "Link it to an opportunity, an account or a contact";
export const TIME_NEEDS_DATE = "A due time needs a due date";

/** At least one link, and a due time only with a due date: the rules of a whole activity (or note: links only). */
export function linkIssues(v: { opportunityId?: string | null; accountId?: string | null; contactId?: string | null }): Record<string, string> {
  return v.opportunityId || v.accountId || v.contactId ? {} : { opportunityId: LINK_REQUIRED };
}

export function dueIssues(v: { dueDate?: string | null; dueTime?: string | null }): Record<string, string> {
  return v.dueTime && !v.dueDate ? { dueTime: TIME_NEEDS_DATE } : {};
}

function refineWhole<T extends { opportunityId?: string | null; accountId?: string | null; contactId?: string | null; dueDate?: string | null; dueTime?: string | null }>(v: T, ctx: z.RefinementCtx) {
  for (const [path, message] of Object.entries({ ...linkIssues(v), ...dueIssues(v) })) ctx.addIssue({ code: "custom", path: [path], message });
}

export const activityCreateSchema = z.strictObject({ ...activityFields, done: z.boolean().optional() }).superRefine(refineWhole);
export type ActivityCreateInput = z.output<typeof activityCreateSchema>;
export type ActivityFormValues = z.input<typeof activityCreateSchema>;

export const activityUpdateSchema = z.strictObject({
  ...activityFields,
  typeId: activityFields.typeId.optional(),
  subject: activityFields.subject.optional(),
  assigneeId: activityFields.assigneeId,
  done: z.boolean({ error: "Must be true or false" }).optional().describe("true marks it done (idempotent), false opens it again"),
});
export type ActivityUpdateInput = z.output<typeof activityUpdateSchema>;

/** The API's PATCH: any field, plus the version the client read. */
export const activityApiUpdateSchema = activityUpdateSchema.extend({
  version: z.number().int().min(1).optional().describe("The version you read; a stale one answers 409 and changes nothing"),
});

/** Server actions naming their activity. */
export const activityUpdateActionSchema = z.strictObject({ id: z.string().min(1).max(64), changes: activityUpdateSchema, version: z.number().int().min(1).optional() });
export const activityIdActionSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const ACTIVITY_SORT_FIELDS = ["due", "createdAt", "updatedAt", "doneAt"] as const;

/** The list's filters (API query and the activities page). */
export const activityListFilters = {
  opportunityId: z.string().min(1).max(100).optional(),
  accountId: z.string().min(1).max(100).optional().describe("Linked to the account, or to one of its opportunities"),
  contactId: z.string().min(1).max(100).optional().describe("Linked to the contact, or to an opportunity it is on"),
  assigneeId: z.string().min(1).max(100).optional().describe('A user id, or "me"'),
  typeId: z.string().min(1).max(100).optional(),
  done: queryBoolean.optional(),
  dueFrom: isoDateSchema.optional(),
  dueTo: isoDateSchema.optional(),
};
export type ActivityListFilters = { [K in keyof typeof activityListFilters]?: z.output<(typeof activityListFilters)[K]> };

/** Activity types (admins). */
export const ACTIVITY_ICONS = ["phone", "users", "check", "mail", "flag", "calendar", "coffee", "message"] as const;
export const activityTypeCreateSchema = z.strictObject({
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(60, "Use at most 60 characters"),
  icon: z.enum(ACTIVITY_ICONS, { error: `Choose one of ${ACTIVITY_ICONS.join(", ")}` }),
});
export const activityTypeUpdateSchema = activityTypeCreateSchema.partial().extend({ active: z.boolean({ error: "Must be true or false" }).optional() });
export type ActivityTypeCreateInput = z.output<typeof activityTypeCreateSchema>;
export type ActivityTypeUpdateInput = z.output<typeof activityTypeUpdateSchema>;
