"use server";
// Thin server actions for the line item editor: the whole editor's save and
// the catalog search behind its product picker.
import { z } from "zod";
import { serverAction } from "@/lib/server/action";
import { replaceLineItems } from "@/lib/server/line-items/replace";
import { searchProducts } from "@/lib/server/products/read";
import { lineItemsReplaceActionSchema } from "@/lib/validation/line-items";
import { productSearchSchema } from "@/lib/validation/products";

const save = serverAction(lineItemsReplaceActionSchema, (actor, input) => replaceLineItems(actor, input.opportunityId, input.changes));
const search = serverAction(productSearchSchema, (actor, input) => searchProducts(actor, input.q));

export async function saveLineItemsAction(input: z.input<typeof lineItemsReplaceActionSchema>) {
  return save(input);
}
export async function searchProductsAction(input: z.input<typeof productSearchSchema>) {
  return search(input);
}
