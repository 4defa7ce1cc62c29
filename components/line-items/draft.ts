// The editor's working copy of a line: strings as typed, a stable client key
// for React and dnd-kit, and a note shown under the line (e.g. a currency
// conversion). Converts to and from the DTO and the shared input schema.
import { dec } from "@/lib/domain/decimal";
import { convertPrice, type Billing } from "@/lib/domain/line-items";
import { formatMoney } from "@/lib/domain/money";
import type { LineItemDto } from "@/lib/server/line-items/dto";
import type { ProductOption } from "@/lib/server/products/read";
import { lineDraftSchema, type LineDraftValues } from "@/lib/validation/line-items";

export interface LineDraft {
  key: string;
  id?: string;
  productId: string | null;
  code: string;
  name: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  billing: Billing;
  note?: string;
}

export type LineErrors = Partial<Record<keyof LineDraft, string>>;

let counter = 0;
export const newKey = () => `line-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function emptyDraft(): LineDraft {
  return { key: newKey(), productId: null, code: "", name: "", description: "", quantity: "1", unit: "", unitPrice: "", discountPercent: "0", billing: "ONE_TIME" };
}

export function draftFromDto(l: LineItemDto): LineDraft {
  return {
    key: l.id, id: l.id, productId: l.productId, code: l.code ?? "", name: l.name, description: l.description ?? "", quantity: l.quantity,
    unit: l.unit ?? "", unitPrice: l.unitPrice, discountPercent: l.discountPercent, billing: l.billing,
  };
}

/** A copy placed as a new line (no id, new key). */
export const duplicateDraft = (d: LineDraft): LineDraft => ({ ...d, key: newKey(), id: undefined, note: undefined });

export interface DealCurrency {
  currency: string;
  exchangeRate: string;
}

/** Picking a product fills the line; a price in another currency is converted at the current rates, and the note says so. */
export function applyProduct(d: LineDraft, p: ProductOption, deal: DealCurrency): LineDraft {
  const converted = p.currency !== deal.currency;
  const unitPrice = converted ? convertPrice(p.unitPrice, p.rateToBase, deal.exchangeRate) : p.unitPrice;
  const crossRate = dec(p.rateToBase).dividedBy(dec(deal.exchangeRate)).toDecimalPlaces(6).toString();
  return {
    ...d, productId: p.id, code: p.code, name: p.name, description: p.description ?? "", unit: p.unit, unitPrice, billing: p.billing,
    note: converted ? `Catalog price ${formatMoney(p.unitPrice, p.currency)} converted to ${deal.currency} at today's rate (1 ${p.currency} = ${crossRate} ${deal.currency})` : undefined,
  };
}

/** The shared schema's input for one line (blank optional texts become null there). */
export function draftToInput(d: LineDraft): LineDraftValues {
  return {
    ...(d.id ? { id: d.id } : {}), productId: d.productId, code: d.code, name: d.name, description: d.description, quantity: d.quantity.trim(),
    unit: d.unit, unitPrice: d.unitPrice.trim().replace(/,/g, ""), discountPercent: d.discountPercent.trim() || "0", billing: d.billing,
  };
}

/** Field errors of one line by the shared schema, as the user types. */
export function draftErrors(d: LineDraft): LineErrors {
  const result = lineDraftSchema.safeParse(draftToInput(d));
  if (result.success) return {};
  const errors: LineErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "name") as keyof LineDraft;
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The line as the rules read it, or null while it is not valid yet (its total shows a dash). */
export function validLine(d: LineDraft) {
  const result = lineDraftSchema.safeParse(draftToInput(d));
  return result.success ? result.data : null;
}

/** Server field errors "lines.2.quantity" (or "lineItems.2.quantity") by line key. */
export function errorsByKey(fields: Record<string, string> | undefined, drafts: LineDraft[], prefix: string): Record<string, LineErrors> {
  const out: Record<string, LineErrors> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)`).exec(path);
    const draft = match ? drafts[Number(match[1])] : undefined;
    if (draft) (out[draft.key] ??= {})[match![2] as keyof LineDraft] = message;
  }
  return out;
}

/** Whether two lists of drafts would save the same lines (notes and keys aside). */
export function sameLines(a: LineDraft[], b: LineDraft[]): boolean {
  return JSON.stringify(a.map(draftToInput)) === JSON.stringify(b.map(draftToInput));
}
