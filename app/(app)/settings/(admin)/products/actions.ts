"use server";

import { z } from "zod";
import { serverAction } from "@/lib/server/action";
import { importProductsCsv } from "@/lib/server/products/csv";
import { createProduct, deleteProduct, updateProduct } from "@/lib/server/products/write";
import { productCreateSchema, productIdSchema, productImportSchema, productUpdateActionSchema } from "@/lib/validation/products";

const create = serverAction(productCreateSchema, createProduct);
const update = serverAction(productUpdateActionSchema, (actor, input) => updateProduct(actor, input.id, input.changes));
const remove = serverAction(productIdSchema, (actor, input) => deleteProduct(actor, input.id));
const importCsv = serverAction(productImportSchema, (actor, input) => importProductsCsv(actor, input.csv));

export async function createProductAction(input: z.input<typeof productCreateSchema>) {
  return create(input);
}
export async function updateProductAction(input: z.input<typeof productUpdateActionSchema>) {
  return update(input);
}
export async function deleteProductAction(input: z.input<typeof productIdSchema>) {
  return remove(input);
}
export async function importProductsAction(input: z.input<typeof productImportSchema>) {
  return importCsv(input);
}
