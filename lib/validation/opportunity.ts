// The opportunity create and update schemas: one source of truth for the
// form (zodResolver), the server actions and the REST API. Field names are
// DESIGN.md's API names. Schemas are strict: an unknown field is an error,
// not silently dropped. Rules that need the database (does this stage
// exist, does this custom field definition require a value) live in the
// services; the custom field checks are shared through opportunity-custom-fields.ts.
import { z } from "zod";
import { dateField, idField, moneyField, optionalId, optionalText, rateField } from "./opportunity-fields";

export const OPPORTUNITY_LABEL_MAX = 20;
export const FORECAST_CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"] as const;

export const opportunityContactSchema = z.strictObject({
  contactId: idField("contact"),
  isPrimary: z.boolean({ error: "Say whether this contact is the primary one" }),
});

/** Contacts linked to an opportunity: no duplicates, exactly one primary when there are any. */
export const opportunityContactsSchema = z
  .array(opportunityContactSchema)
  .max(50, "Link at most 50 contacts")
  .superRefine((contacts, ctx) => {
    if (contacts.length === 0) return;
    const primaries = contacts.filter((c) => c.isPrimary).length;
    if (primaries !== 1) ctx.addIssue({ code: "custom", message: primaries === 0 ? "Mark one contact as primary" : "Only one contact can be primary" });
    if (new Set(contacts.map((c) => c.contactId)).size !== contacts.length) ctx.addIssue({ code: "custom", message: "A contact is listed twice" });
  });

const uniqueIds = (what: string, max: number) =>
  z
    .array(idField(what))
    .max(max, `Choose at most ${max}`)
    .refine((ids) => new Set(ids).size === ids.length, `A ${what} is listed twice`);

export const customFieldValueSchema = z.union([z.string().max(5000, "Use at most 5000 characters"), z.number(), z.boolean(), z.null()]);

/** Every writable field; all optional here, `title` and `stageId` are required on create. */
const writableFields = {
  title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(200, "Use at most 200 characters"),
  description: optionalText(10_000),
  externalId: optionalText(200),
  pipelineId: idField("pipeline").optional(),
  stageId: idField("stage"),
  amount: moneyField.optional(),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a 3-letter currency code").optional(),
  /** Units of the base currency per unit of `currency`; defaults to the currency table's rate. */
  exchangeRate: rateField.optional(),
  /** amount = oneTimeAmount + recurringAmount x contract months; send either the amount or this, or both agreeing. */
  oneTimeAmount: moneyField.optional(),
  recurringAmount: moneyField.optional(),
  contractMonths: z.number({ error: "Enter a whole number of months" }).int("Enter a whole number of months").min(1, "At least 1 month").max(600, "At most 600 months").nullable().optional(),
  /** null = take the stage's probability (not overridden). */
  probability: z.number({ error: "Enter a probability from 0 to 100" }).int("Use a whole number").min(0, "Probability is 0 to 100").max(100, "Probability is 0 to 100").nullable().optional(),
  /** null = take the stage's forecast category. */
  forecastCategory: z.enum(FORECAST_CATEGORIES, { error: "Choose a forecast category" }).nullable().optional(),
  expectedCloseDate: dateField.nullable().optional(),
  ownerId: idField("owner").optional(),
  /** Who works the deal (null: nobody); sees and edits it as a member does, the owner keeps the credit. */
  assigneeId: optionalId("assignee"),
  memberIds: uniqueIds("member", 50).optional(),
  accountId: optionalId("account"),
  contacts: opportunityContactsSchema.optional(),
  sourceId: optionalId("source"),
  typeId: optionalId("type"),
  labels: z.array(z.string().trim().min(1).max(40)).max(OPPORTUNITY_LABEL_MAX).refine((l) => new Set(l).size === l.length, "A label is listed twice").optional(),
  rating: z.number({ error: "Rate from 0 to 5" }).int("Rate from 0 to 5").min(0, "Rate from 0 to 5").max(5, "Rate from 0 to 5").nullable().optional(),
  isPrivate: z.boolean().optional(),
  lostReasonId: optionalId("lost reason"),
  lostNote: optionalText(2000),
  competitor: optionalText(200),
  customFields: z.record(z.string().min(1).max(64), customFieldValueSchema).optional(),
  utmSource: optionalText(200),
  utmMedium: optionalText(200),
  utmCampaign: optionalText(200),
  utmContent: optionalText(200),
};

export const opportunityCreateSchema = z.strictObject(writableFields);

/** PATCH semantics: fields not sent stay unchanged. `version`, when sent, must be the current one. */
export const opportunityUpdateSchema = opportunityCreateSchema.partial().extend({
  version: z.number({ error: "Send the version you edited" }).int().min(1).optional(),
});

export type OpportunityCreateInput = z.output<typeof opportunityCreateSchema>;
export type OpportunityUpdateInput = z.output<typeof opportunityUpdateSchema>;
export type OpportunityFormValues = z.input<typeof opportunityCreateSchema>;

/** Server action inputs: the schemas above plus the id being changed. */
export const opportunityUpdateActionSchema = z.strictObject({ id: idField("opportunity"), changes: opportunityUpdateSchema });
export const opportunityIdSchema = z.strictObject({ id: idField("opportunity") });
export const opportunityDeleteSchema = z.strictObject({ id: idField("opportunity"), version: z.number().int().min(1).optional() });

/** Bulk change from the table: a new owner or a new stage for the selected rows. */
export const opportunityBulkSchema = z
  .strictObject({
    ids: z.array(idField("opportunity")).min(1, "Select at least one opportunity").max(500, "Select at most 500 at a time"),
    ownerId: idField("owner").optional(),
    stageId: idField("stage").optional(),
    lostReasonId: idField("lost reason").optional(),
  })
  .refine((v) => (v.ownerId ? 1 : 0) + (v.stageId ? 1 : 0) === 1, { message: "Choose a new owner or a new stage", path: ["ownerId"] });
export type OpportunityBulkInput = z.output<typeof opportunityBulkSchema>;
export const opportunityBulkDeleteSchema = z.strictObject({
  ids: z.array(idField("opportunity")).min(1, "Select at least one opportunity").max(500, "Select at most 500 at a time"),
});
