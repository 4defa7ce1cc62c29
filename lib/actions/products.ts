"use server";

// The catalog screen's actions: the same services as /api/v1/products.
import { serverAction } from "@/lib/server/action";
import { importProductsCsv } from "@/lib/server/products/csv";
import { createProduct, deleteProduct, updateProduct } from "@/lib/server/products/write";
import { productCreateSchema, productIdSchema, productImportSchema, productUpdateActionSchema } from "@/lib/validation/products";

export const createProductAction = serverAction(productCreateSchema, (actor, input) => createProduct(actor, input));
export const updateProductAction = serverAction(productUpdateActionSchema, (actor, { id, changes }) => updateProduct(actor, id, changes));
export const deleteProductAction = serverAction(productIdSchema, (actor, { id }) => deleteProduct(actor, id));
export const importProductsAction = serverAction(productImportSchema, (actor, { csv }) => importProductsCsv(actor, csv));
