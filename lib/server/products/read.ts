// Reading the catalog: everyone may (the line item editor and the API need
// it); only admins change it (write.ts).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProductListFilters } from "@/lib/validation/products";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { productDtoInclude, toProductDto, type ProductDto } from "./dto";

export function productWhere(filters: ProductListFilters): Prisma.ProductWhereInput {
  const where: Prisma.ProductWhereInput = {};
  if (filters.active !== undefined) where.active = filters.active;
  if (filters.group) where.group = { equals: filters.group, mode: "insensitive" };
  if (filters.q) {
    where.OR = [
      { code: { contains: filters.q, mode: "insensitive" } },
      { name: { contains: filters.q, mode: "insensitive" } },
      { group: { contains: filters.q, mode: "insensitive" } },
    ];
  }
  return where;
}

const order = [{ group: { sort: "asc", nulls: "last" } }, { name: "asc" }, { id: "asc" }] satisfies Prisma.ProductOrderByWithRelationInput[];

export async function listProducts(_actor: Actor, filters: ProductListFilters, window: { skip: number; take: number }) {
  const where = productWhere(filters);
  const [total, rows] = await Promise.all([
    prisma().product.count({ where }),
    prisma().product.findMany({ where, include: productDtoInclude, orderBy: order, skip: window.skip, take: window.take }),
  ]);
  return { total, rows: rows.map(toProductDto) };
}

export async function getProduct(_actor: Actor, id: string): Promise<ProductDto> {
  const row = await prisma().product.findUnique({ where: { id }, include: productDtoInclude });
  if (!row) throw notFound("Product");
  return toProductDto(row);
}

/** The groups in use, for the settings filter. */
export async function productGroups(_actor: Actor): Promise<string[]> {
  const rows = await prisma().product.findMany({ where: { group: { not: null } }, distinct: ["group"], select: { group: true }, orderBy: { group: "asc" } });
  return rows.map((r) => r.group!);
}

export interface ProductOption {
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit: string;
  unitPrice: string;
  currency: string;
  /** The currency's current rate to the base currency, for converting the price to the deal's currency. */
  rateToBase: string;
  billing: ProductDto["billing"];
  group: string | null;
}

/** The editor's search-as-you-type: active products by code, name or group, codes that start with the text first. */
export async function searchProducts(_actor: Actor, q: string, take = 12): Promise<ProductOption[]> {
  const text = q.trim();
  const rows = await prisma().product.findMany({
    where: { AND: [{ active: true }, text ? productWhere({ q: text }) : {}] },
    include: { currency: { select: { rateToBase: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 50,
  });
  const lower = text.toLowerCase();
  const rank = (r: (typeof rows)[number]) => (r.code.toLowerCase().startsWith(lower) || r.name.toLowerCase().startsWith(lower) ? 0 : 1);
  return rows
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, take)
    .map((r) => ({
      id: r.id, code: r.code, name: r.name, description: r.description, unit: r.unit, unitPrice: r.unitPrice.toFixed(2),
      currency: r.currencyCode, rateToBase: r.currency.rateToBase.toString(), billing: r.billing, group: r.group,
    }));
}
