// The Product as the outside world sees it: money as decimal strings, the
// currency by its code, and how many line items use it (so an admin knows
// why it can only be archived).
import type { Prisma } from "@/lib/db/generated/client";
import type { Billing } from "@/lib/domain/line-items";
import { isoTimestamp } from "../serialize";

export const productDtoInclude = { _count: { select: { lineItems: true } } } satisfies Prisma.ProductInclude;
export type ProductRow = Prisma.ProductGetPayload<{ include: typeof productDtoInclude }>;

export interface ProductDto {
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit: string;
  unitPrice: string;
  currency: string;
  group: string | null;
  billing: Billing;
  active: boolean;
  /** Line items on opportunities that use this product. */
  lineItemCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toProductDto(p: ProductRow): ProductDto {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    description: p.description,
    unit: p.unit,
    unitPrice: p.unitPrice.toFixed(2),
    currency: p.currencyCode,
    group: p.group,
    billing: p.billing,
    active: p.active,
    lineItemCount: p._count.lineItems,
    version: p.version,
    createdAt: isoTimestamp(p.createdAt)!,
    updatedAt: isoTimestamp(p.updatedAt)!,
  };
}
