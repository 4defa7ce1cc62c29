// Custom field definitions (admin) and the validator of an opportunity's
// values built from them, shared by the opportunity form, actions and API.
import { z } from "zod";
import { idSchema } from "./settings-common";

export const CUSTOM_FIELD_TYPES = ["TEXT", "TEXTAREA", "NUMBER", "SELECT", "CHECKBOX", "DATE"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

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
  .object({ key: fieldKeySchema, type: z.enum(CUSTOM_FIELD_TYPES), ...definitionFields })
  .superRefine(selectNeedsOptions);
export const customFieldUpdateSchema = z.object({
  id: idSchema,
  ...definitionFields,
  /** The admin saw how many opportunities hold a removed option and agreed. */
  confirmRemovedOptions: z.boolean().default(false),
});
export const customFieldActiveSchema = z.object({ id: idSchema, active: z.boolean(), confirm: z.boolean().default(false) });

export interface CustomFieldDefinitionShape {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
}

function valueSchema(def: CustomFieldDefinitionShape): z.ZodType {
  switch (def.type) {
    case "TEXT":
      return z.string().trim().max(500, "At most 500 characters");
    case "TEXTAREA":
      return z.string().trim().max(10_000, "At most 10000 characters");
    case "NUMBER":
      return z.union([z.number().finite(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, "Enter a number").transform(Number)]);
    case "SELECT":
      return z.enum(def.options as [string, ...string[]], { message: `Choose one of: ${def.options.join(", ")}` });
    case "CHECKBOX":
      return z.boolean({ message: "Must be true or false" });
    case "DATE":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31");
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "";

/**
 * A schema for `customFields` from the active definitions. Unknown keys are
 * refused; empty values are dropped unless the field is required (checkboxes
 * are never "missing": false is an answer).
 */
export function customFieldValuesSchema(definitions: readonly CustomFieldDefinitionShape[]) {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return z.record(z.string(), z.unknown()).transform((values, ctx) => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(values)) {
      if (!byKey.has(key)) ctx.addIssue({ code: "custom", path: [key], message: "Unknown custom field" });
    }
    for (const def of definitions) {
      const raw = values[def.key];
      if (isEmpty(raw) && def.type !== "CHECKBOX") {
        if (def.required) ctx.addIssue({ code: "custom", path: [def.key], message: `${def.label} is required` });
        continue;
      }
      const parsed = valueSchema(def).safeParse(def.type === "CHECKBOX" ? (raw ?? false) : raw);
      if (parsed.success) out[def.key] = parsed.data;
      else ctx.addIssue({ code: "custom", path: [def.key], message: parsed.error.issues[0]?.message ?? "Invalid value" });
    }
    return out;
  });
}
