"use server";
// Server actions for the line item editor: the whole editor's save and the
// catalog search behind its product picker.
import { serverAction } from "@/lib/server/action";
import { replaceLineItems } from "@/lib/server/line-items/replace";
import { searchProducts } from "@/lib/server/products/read";
import { lineItemsReplaceActionSchema } from "@/lib/validation/line-items";
import { productSearchSchema } from "@/lib/validation/products";

export const saveLineItemsAction = serverAction(lineItemsReplaceActionSchema, (actor, input) => replaceLineItems(actor, input.opportunityId, input.changes));
export const searchProductsAction = serverAction(productSearchSchema, (actor, input) => searchProducts(actor, input.q));
