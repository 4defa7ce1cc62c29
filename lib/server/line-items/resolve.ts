// From what a client sent to a complete line: fields not sent come from the
// line as it was, or, when a product is newly picked, from the catalog (its
// price converted to the deal's currency with the current rates); then the
// rules' total. Problems of all lines are reported together, named by path.
import { Prisma } from "@/lib/db/generated/client";
import { convertPrice, lineTotal, type Billing } from "@/lib/domain/line-items";
import { fitsMoneyColumn } from "@/lib/domain/money";
import { AppError } from "../errors";

type Tx = Prisma.TransactionClient;

export interface LineFields {
  productId: string | null;
  code: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountPercent: string;
  billing: Billing;
}

export interface ResolvedLine extends LineFields {
  total: string;
}

/** What a client may send for one line; undefined = not sent. */
export type LinePatch = { [K in keyof LineFields]?: LineFields[K] | null | undefined };

export interface Deal {
  currencyCode: string;
  exchangeRate: { toString(): string };
}

interface CatalogProduct {
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit: string;
  unitPrice: Prisma.Decimal;
  currencyCode: string;
  billing: Billing;
  active: boolean;
  currency: { rateToBase: Prisma.Decimal };
}

export async function loadProducts(tx: Tx, ids: (string | null | undefined)[]): Promise<Map<string, CatalogProduct>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await tx.product.findMany({ where: { id: { in: wanted } }, include: { currency: { select: { rateToBase: true } } } });
  return new Map(rows.map((r) => [r.id, r]));
}

/** A catalog product as a line in the deal's currency. */
export function lineFromProduct(p: CatalogProduct, deal: Deal): Omit<LineFields, "quantity" | "discountPercent"> {
  const unitPrice = p.currencyCode === deal.currencyCode ? p.unitPrice.toFixed(2) : convertPrice(p.unitPrice.toString(), p.currency.rateToBase.toString(), deal.exchangeRate.toString());
  return { productId: p.id, code: p.code, name: p.name, description: p.description, unit: p.unit, unitPrice, billing: p.billing };
}

export class LineProblems {
  readonly fields: Record<string, string> = {};
  add(path: string, message: string) {
    this.fields[path] ??= message;
  }
  throwIfAny() {
    if (Object.keys(this.fields).length) throw new AppError("VALIDATION", "Some line items are invalid", this.fields);
  }
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * One line: `patch` wins over the catalog (when `patch.productId` links a
 * product the line did not have), which wins over `base` (the line as it was).
 */
export function resolveLine(
  patch: LinePatch,
  base: Partial<LineFields> | null,
  products: Map<string, CatalogProduct>,
  deal: Deal,
  prefix: string,
  problems: LineProblems,
): ResolvedLine | null {
  let fromCatalog: Partial<LineFields> = {};
  const newlyLinked = patch.productId != null && patch.productId !== (base?.productId ?? null);
  if (newlyLinked) {
    const product = products.get(patch.productId!);
    if (!product) problems.add(`${prefix}productId`, "No such product");
    else if (!product.active) problems.add(`${prefix}productId`, `${product.code} is archived; pick an active product`);
    else fromCatalog = lineFromProduct(product, deal);
  }
  const merged = { productId: null, code: null, description: null, unit: null, discountPercent: "0", billing: "ONE_TIME" as Billing, ...defined(base ?? {}), ...fromCatalog, ...defined(patch) };
  if (!merged.name) problems.add(`${prefix}name`, "Enter a name or pick a product");
  if (merged.unitPrice == null) problems.add(`${prefix}unitPrice`, "Enter a unit price");
  if (merged.quantity == null) problems.add(`${prefix}quantity`, "Enter a quantity");
  if (!merged.name || merged.unitPrice == null || merged.quantity == null) return null;
  const line = merged as LineFields;
  const total = lineTotal(line);
  if (!fitsMoneyColumn(total)) {
    problems.add(`${prefix}quantity`, "The line total is too large");
    return null;
  }
  return { ...line, discountPercent: line.discountPercent ?? "0", total: total.toFixed(2) };
}

/** A stored line's fields, as the base of a change. */
export function fieldsOf(l: { productId: string | null; code: string | null; name: string; description: string | null; quantity: Prisma.Decimal; unit: string | null; unitPrice: Prisma.Decimal; discountPercent: Prisma.Decimal; billing: Billing }): LineFields {
  return {
    productId: l.productId, code: l.code, name: l.name, description: l.description, quantity: l.quantity.toString(), unit: l.unit,
    unitPrice: l.unitPrice.toFixed(2), discountPercent: l.discountPercent.toString(), billing: l.billing,
  };
}
