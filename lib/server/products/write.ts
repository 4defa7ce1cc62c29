// Changing the catalog (admins only), each change in one transaction with
// its audit entry. A product on deals is never deleted: it is archived
// (active = false), so old deals keep their link and new lines cannot pick it;
// deleting one answers CONFLICT and says so (as Salesforce and HubSpot do).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProductCreateInput, ProductUpdateInput } from "@/lib/validation/products";
import type { Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { adminTransaction, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { productDtoInclude, toProductDto, type ProductDto } from "./dto";

export const productConflict = () =>
  new AppError("CONFLICT", "Someone else saved this product after you opened it. Reload it and try again.");

async function checkCurrency(tx: Tx, code: string | undefined) {
  if (code === undefined) return;
  const currency = await tx.currency.findUnique({ where: { code }, select: { code: true } });
  if (!currency) throw new AppError("VALIDATION", "Unknown currency", { currency: `${code} is not in the currency table` });
}

async function checkCodeFree(tx: Tx, code: string | undefined, exceptId: string | null) {
  if (code === undefined) return;
  const other = await tx.product.findFirst({ where: { code: { equals: code, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw new AppError("CONFLICT", "Another product uses this code", { code: "Another product uses this code" });
}

function columns(input: Partial<ProductCreateInput>): Prisma.ProductUncheckedUpdateInput {
  const data: Prisma.ProductUncheckedUpdateInput = {};
  for (const key of ["code", "name", "description", "unit", "unitPrice", "group", "billing", "active"] as const) {
    if (input[key] !== undefined) (data as Record<string, unknown>)[key] = input[key];
  }
  if (input.currency !== undefined) data.currencyCode = input.currency;
  return data;
}

/** Creates inside a running admin transaction (the CSV import reuses it). */
export async function insertProduct(tx: Tx, input: ProductCreateInput): Promise<string> {
  await checkCurrency(tx, input.currency);
  await checkCodeFree(tx, input.code, null);
  const created = await tx.product.create({ data: columns(input) as Prisma.ProductUncheckedCreateInput, select: { id: true } });
  return created.id;
}

export function createProduct(actor: Actor, input: ProductCreateInput): Promise<ProductDto> {
  return adminTransaction(actor, async (tx) => {
    const id = await insertProduct(tx, input);
    await writeAudit(tx, actor, { action: "product.create", entity: "Product", entityId: id, after: input });
    return toProductDto(await tx.product.findUniqueOrThrow({ where: { id }, include: productDtoInclude }));
  });
}

export function updateProduct(actor: Actor, id: string, input: ProductUpdateInput): Promise<ProductDto> {
  return adminTransaction(actor, async (tx) => {
    const before = await tx.product.findUnique({ where: { id } });
    if (!before) throw notFound("Product");
    if (input.version !== undefined && input.version !== before.version) throw productConflict();
    await checkCurrency(tx, input.currency);
    await checkCodeFree(tx, input.code, id);
    const written = await tx.product.updateMany({ where: { id, version: before.version }, data: { ...columns(input), version: { increment: 1 } } as Prisma.ProductUncheckedUpdateManyInput });
    if (written.count === 0) throw productConflict();
    const after = await tx.product.findUniqueOrThrow({ where: { id }, include: productDtoInclude });
    const { version: _v, ...changes } = input;
    await writeAudit(tx, actor, {
      action: input.active === false && before.active ? "product.archive" : "product.update",
      entity: "Product",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, k === "currency" ? before.currencyCode : (before as Record<string, unknown>)[k]])),
      after: changes,
    });
    return toProductDto(after);
  });
}

export function deleteProduct(actor: Actor, id: string, expectedVersion?: number): Promise<{ id: string; deleted: true }> {
  return adminTransaction(actor, async (tx) => {
    // The row lock keeps a line item from linking to the product between the count and the delete.
    const locked = await tx.$queryRaw<{ version: number; code: string }[]>`SELECT "version", "code" FROM "Product" WHERE "id" = ${id} FOR UPDATE`;
    if (!locked.length) throw notFound("Product");
    if (expectedVersion !== undefined && expectedVersion !== locked[0].version) throw productConflict();
    const used = await tx.lineItem.count({ where: { productId: id } });
    if (used > 0) {
      throw new AppError("CONFLICT", `${locked[0].code} is on ${used} line item${used === 1 ? "" : "s"} of opportunities; archive it instead (active: false) so those deals keep it`);
    }
    await tx.product.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "product.delete", entity: "Product", entityId: id, before: { code: locked[0].code } });
    return { id, deleted: true as const };
  });
}

export const productsForExport = () => prisma().product.findMany({ orderBy: [{ group: { sort: "asc", nulls: "last" } }, { name: "asc" }, { id: "asc" }] });
