import { z } from "zod";
import {
  lineItemCreateSchema,
  lineItemsReorderSchema,
  lineItemsReplaceSchema,
  lineItemUpdateSchema,
} from "@/lib/validation/line-items";
import { endpoint } from "../endpoint";

const money = z.string().describe('Decimal string, e.g. "1250.00"');
const params = z.strictObject({ id: z.string().min(1).max(100) });
const itemParams = z.strictObject({ id: z.string().min(1).max(100), itemId: z.string().min(1).max(100) });
const VERSIONED = "Send the opportunity's `version` (in the body, or If-Match) to refuse stale writes with 409; nothing changes then.";

export const lineItemSchema = z
  .object({
    id: z.string(),
    opportunityId: z.string(),
    position: z.number().int().describe("0-based place in the opportunity's list"),
    productId: z.string().nullable().describe("Null for a free-text line"),
    code: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    quantity: z.string().describe("Decimal string, > 0, up to 4 decimals"),
    unit: z.string().nullable(),
    unitPrice: money.describe("In the opportunity's currency"),
    discountPercent: z.string().describe("0..100"),
    billing: z.enum(["ONE_TIME", "MONTHLY"]),
    total: money.describe("quantity x unitPrice x (1 - discountPercent / 100), rounded half-up to cents"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "LineItem" });

export const opportunityAmountsSchema = z
  .object({
    id: z.string(),
    version: z.number().int().describe("The opportunity's version after the change: send it with the next one"),
    currency: z.string(),
    exchangeRate: z.string(),
    amount: money.describe("One-time line totals + monthly line totals x contract months (at least 1)"),
    oneTimeAmount: money.describe("One-time line totals"),
    recurringAmount: money.describe("Monthly line totals"),
    baseAmount: money.describe("amount x exchangeRate"),
    weightedAmount: money,
    contractMonths: z.number().int().nullable(),
    probability: z.number().int(),
    amountMode: z.enum(["derived", "manual"]).describe("derived while the opportunity has line items; without them the amount is entered by hand (the last derived one is kept)"),
  })
  .meta({ id: "OpportunityAmounts" });

const linesResponse = z.object({ data: z.array(lineItemSchema), opportunity: opportunityAmountsSchema });
const lineResponse = lineItemSchema.extend({ opportunity: opportunityAmountsSchema });

export const listLineItems = endpoint({
  method: "get",
  path: "/opportunities/{id}/line-items",
  tag: "Line items",
  summary: "List an opportunity's line items",
  description: "In their order, with the amounts they give the opportunity. The ETag is the opportunity's version.",
  auth: "user",
  params,
  response: linesResponse,
  errors: [404],
});

export const createLineItem = endpoint({
  method: "post",
  path: "/opportunities/{id}/line-items",
  tag: "Line items",
  summary: "Add a line item",
  description: `With a productId, fields left out come from the catalog, the price converted to the opportunity's currency at the current rates; a free-text line needs name and unitPrice. Recomputes the opportunity's amounts and bumps its version. ${VERSIONED}`,
  auth: "user",
  params,
  body: lineItemCreateSchema,
  response: lineResponse,
  status: 201,
  errors: [403, 404, 409],
  example: { productId: "<product id>", quantity: "25", discountPercent: "10", version: 3 },
});

export const replaceLineItems = endpoint({
  method: "put",
  path: "/opportunities/{id}/line-items",
  tag: "Line items",
  summary: "Replace all line items at once",
  description: `The editor's save: lines with an id are kept and changed, lines without one are created, lines left out are deleted; the order is the array's. contractMonths may change in the same call. One transaction, one version bump. ${VERSIONED}`,
  auth: "user",
  params,
  body: lineItemsReplaceSchema,
  response: linesResponse,
  errors: [403, 404, 409],
  example: { version: 4, contractMonths: 12, lines: [{ name: "Onboarding", quantity: "1", unitPrice: "2500.00", billing: "ONE_TIME" }] },
});

export const updateLineItem = endpoint({
  method: "patch",
  path: "/opportunities/{id}/line-items/{itemId}",
  tag: "Line items",
  summary: "Change a line item",
  description: `Partial update. A new productId takes that product's fields unless they are sent too. ${VERSIONED}`,
  auth: "user",
  params: itemParams,
  body: lineItemUpdateSchema,
  response: lineResponse,
  errors: [403, 404, 409],
  example: { quantity: "30", version: 5 },
});

export const deleteLineItem = endpoint({
  method: "delete",
  path: "/opportunities/{id}/line-items/{itemId}",
  tag: "Line items",
  summary: "Delete a line item",
  description: `Removing the last line keeps the last derived amount as a manual one. ${VERSIONED.replace("(in the body, or If-Match)", "(If-Match)")}`,
  auth: "user",
  params: itemParams,
  response: z.object({ id: z.string(), deleted: z.literal(true), opportunity: opportunityAmountsSchema }),
  errors: [403, 404, 409],
});

export const reorderLineItems = endpoint({
  method: "post",
  path: "/opportunities/{id}/line-items/reorder",
  tag: "Line items",
  summary: "Reorder line items",
  description: `\`ids\`: every line item id of the opportunity, in the new order. ${VERSIONED}`,
  auth: "user",
  params,
  body: lineItemsReorderSchema,
  response: linesResponse,
  errors: [403, 404, 409],
  example: { ids: ["<line id>", "<line id>"], version: 6 },
});
