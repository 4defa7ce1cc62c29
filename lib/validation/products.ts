// Product catalog inputs: the settings dialog, the CSV import (row by row),
// the server actions and the REST API share these.
import { z } from "zod";
import { queryBoolean } from "./api-common";
import { billingField } from "./line-items";
import { idField, moneyField, optionalText } from "./opportunity-fields";

export const productFields = {
  code: z.string({ error: "Enter a code" }).trim().min(1, "Enter a code").max(64, "Use at most 64 characters").regex(/^[^\s,;]+$/, "Use a code without spaces, commas or semicolons"),
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
  description: optionalText(2000),
  unit: z.string().trim().min(1, "Enter a unit, e.g. seat or hour").max(40, "Use at most 40 characters"),
  unitPrice: moneyField,
  currency: z.string({ error: "Choose a currency" }).trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a 3-letter currency code"),
  group: optionalText(80),
  billing: billingField,
  active: z.boolean({ error: "Say whether the product is active" }),
};

export const productCreateSchema = z.strictObject({
  ...productFields,
  unit: productFields.unit.default("unit"),
  billing: productFields.billing.default("ONE_TIME"),
  active: productFields.active.default(true),
});

/** PATCH semantics; `version` (or If-Match), when sent, must be the current one. */
export const productUpdateSchema = z.strictObject({
  ...productFields,
  version: z.number({ error: "Send the version you edited" }).int().min(1),
}).partial();

export const productListQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  group: z.string().trim().min(1).max(80).optional(),
  active: queryBoolean.optional(),
});

export type ProductCreateInput = z.output<typeof productCreateSchema>;
export type ProductFormValues = z.input<typeof productCreateSchema>;
export type ProductUpdateInput = z.output<typeof productUpdateSchema>;
export type ProductListFilters = z.output<typeof productListQuerySchema>;

export const productUpdateActionSchema = z.strictObject({ id: idField("product"), changes: productUpdateSchema });
export const productIdSchema = z.strictObject({ id: idField("product") });
export const productSearchSchema = z.strictObject({ q: z.string().trim().max(200) });
/** A CSV file's text, parsed and checked row by row on the server. */
export const productImportSchema = z.strictObject({ csv: z.string().min(1, "Choose a CSV file").max(2_000_000, "The file is larger than 2 MB") });
