// Custom field definitions (admin). Their values on an opportunity are checked
// by opportunity-custom-fields.ts, the one value validator.
import { z } from "zod";
import { idSchema } from "./common-fields";

export const CUSTOM_FIELD_TYPES = ["TEXT", "TEXTAREA", "NUMBER", "SELECT", "CHECKBOX", "DATE"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A definition as forms and value checks read it. */
export interface CustomFieldDefinitionInput {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
}

/** Stable keys: they name the value in the API and CSV, so they never change once created. */
export const fieldKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9_]{1,39}$/, "2-40 characters: letters, digits and _, starting with a lowercase letter (like contractTier)");

const optionsSchema = z
  .array(z.string().trim().min(1, "Options cannot be empty").max(80))
  .max(100, "At most 100 options")
  .refine((o) => new Set(o).size === o.length, "Options must be unique");

const definitionFields = {
  label: z.string().trim().min(1, "Enter a label").max(80),
  required: z.boolean(),
  options: optionsSchema.default([]),
};

function selectNeedsOptions(d: { type: CustomFieldType; options: string[] }, ctx: z.RefinementCtx) {
  if (d.type === "SELECT" && d.options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "A select needs at least one option" });
}

export const customFieldCreateSchema = z
  .strictObject({ key: fieldKeySchema, type: z.enum(CUSTOM_FIELD_TYPES), ...definitionFields })
  .superRefine(selectNeedsOptions);
export const customFieldUpdateSchema = z.strictObject({
  id: idSchema,
  ...definitionFields,
  /** The admin saw how many opportunities hold a removed option and agreed. */
  confirmRemovedOptions: z.boolean().default(false),
});
export const customFieldActiveSchema = z.strictObject({ id: idSchema, active: z.boolean(), confirm: z.boolean().default(false) });
