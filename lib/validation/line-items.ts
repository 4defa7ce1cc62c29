// Line item inputs, shared by the editor (per cell, as the user types), the
// server actions, the REST API and the OpenAPI document. Numbers travel as
// decimal strings; a JSON number is accepted for quantity and discount and
// turned into its string at once (no arithmetic happens on it).
import { z } from "zod";
import { dec } from "@/lib/domain/decimal";
import { BILLINGS, lineTotal } from "@/lib/domain/line-items";
import { fitsMoneyColumn } from "@/lib/domain/money";
import { opportunityCreateSchema } from "./opportunity";
import { idField, moneyField, optionalId, optionalText } from "./opportunity-fields";

/** Lines per opportunity: a deal, not a price list. */
export const MAX_LINES = 200;

const DECIMAL = /^\d+(\.\d+)?$/;

const decimalText = (error: string) => z.union([z.string({ error }), z.number({ error }).transform(String)], { error }).pipe(z.string().trim());

/** > 0 with at most 4 decimals. */
export const quantityField = decimalText("Enter a quantity")
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, "Enter a quantity with at most 4 decimals"))
  .refine((v) => !DECIMAL.test(v) || /[1-9]/.test(v), "The quantity must be more than 0");

/** 0..100 with at most 2 decimals. */
export const discountField = decimalText("Enter a discount from 0 to 100")
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, "Enter a discount from 0 to 100 with at most 2 decimals"))
  // Refinements run even after the format check failed: only compare what is a number.
  .refine((v) => !DECIMAL.test(v) || dec(v).lte(100), "The discount is at most 100%");

export const billingField = z.enum(BILLINGS, { error: "Choose one-time or monthly" });

const lineFields = {
  productId: optionalId("product"),
  code: optionalText(64),
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name or pick a product").max(200, "Use at most 200 characters"),
  description: optionalText(2000),
  quantity: quantityField,
  unit: optionalText(40),
  unitPrice: moneyField,
  discountPercent: discountField.optional(),
  billing: billingField,
};

type LineShape = { quantity?: string; unitPrice?: string; discountPercent?: string | undefined };

/** The line total must fit the money columns; named on the quantity, the usual culprit. */
function totalFits(line: LineShape, ctx: z.RefinementCtx) {
  const { quantity, unitPrice, discountPercent = "0" } = line;
  if (quantity === undefined || unitPrice === undefined || ![quantity, unitPrice, discountPercent].every((v) => DECIMAL.test(v))) return;
  if (!fitsMoneyColumn(lineTotal({ quantity, unitPrice, discountPercent }))) {
    ctx.addIssue({ code: "custom", path: ["quantity"], message: "The line total is too large" });
  }
}

/**
 * A new line. With a productId, the fields left out come from the catalog
 * (the price converted to the opportunity's currency), so `name`, `unitPrice`
 * and `billing` are only required for a free-text line; the service checks that.
 */
export const lineItemCreateSchema = z
  .strictObject({
    ...lineFields,
    name: lineFields.name.optional(),
    unitPrice: lineFields.unitPrice.optional(),
    billing: lineFields.billing.optional(),
    /** Where to insert it (0 = first); at the end when left out. */
    position: z.number({ error: "Enter a position" }).int("Use a whole number").min(0, "At least 0").optional(),
    /** The opportunity's version the change was made against (or If-Match). */
    version: z.number({ error: "Send the opportunity's version" }).int().min(1).optional(),
  })
  .superRefine(totalFits);

export const lineItemUpdateSchema = z
  .strictObject({
    ...lineFields,
    version: z.number({ error: "Send the opportunity's version" }).int().min(1).optional(),
  })
  .partial()
  .superRefine(totalFits);

/** One line of a whole-editor save: `id` keeps an existing line, none creates one. */
export const lineDraftSchema = z.strictObject({ id: idField("line item").optional(), ...lineFields }).superRefine(totalFits);

export const lineItemsReplaceSchema = z.strictObject({
  lines: z.array(lineDraftSchema).max(MAX_LINES, `At most ${MAX_LINES} lines`).refine((lines) => {
    const ids = lines.flatMap((l) => (l.id ? [l.id] : []));
    return new Set(ids).size === ids.length;
  }, "A line is listed twice"),
  /** Changes the opportunity's contract months in the same save (null = none, counted as 1). */
  contractMonths: z.number({ error: "Enter a whole number of months" }).int("Enter a whole number of months").min(1, "At least 1 month").max(600, "At most 600 months").nullable().optional(),
  version: z.number({ error: "Send the opportunity's version" }).int().min(1).optional(),
});

export const lineItemsReorderSchema = z.strictObject({
  ids: z.array(idField("line item")).max(MAX_LINES).refine((ids) => new Set(ids).size === ids.length, "A line is listed twice"),
  version: z.number({ error: "Send the opportunity's version" }).int().min(1).optional(),
});

export type LineItemCreateInput = z.output<typeof lineItemCreateSchema>;
export type LineItemUpdateInput = z.output<typeof lineItemUpdateSchema>;
export type LineDraftInput = z.output<typeof lineDraftSchema>;
export type LineDraftValues = z.input<typeof lineDraftSchema>;
export type LineItemsReplaceInput = z.output<typeof lineItemsReplaceSchema>;
export type LineItemsReorderInput = z.output<typeof lineItemsReorderSchema>;

/** Server action inputs: the schemas above plus the opportunity (and line) being changed. */
export const lineItemsReplaceActionSchema = z.strictObject({ opportunityId: idField("opportunity"), changes: lineItemsReplaceSchema });

/** Creating an opportunity with its line items in one call (the form, POST /opportunities). */
export const opportunityCreateWithLinesSchema = opportunityCreateSchema.extend({
  lineItems: z.array(lineDraftSchema).max(MAX_LINES, `At most ${MAX_LINES} lines`).optional(),
});
export type OpportunityCreateWithLinesInput = z.output<typeof opportunityCreateWithLinesSchema>;
