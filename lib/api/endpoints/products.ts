import { z } from "zod";
import { idParams } from "@/lib/validation/api-common";
import { productCreateSchema, productListQuerySchema, productUpdateSchema } from "@/lib/validation/products";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";

export const productSchema = z
  .object({
    id: z.string(),
    code: z.string().describe("Unique (case-insensitively)"),
    name: z.string(),
    description: z.string().nullable(),
    unit: z.string().describe("seat, hour, device, ..."),
    unitPrice: z.string().describe('Decimal string in `currency`, e.g. "89.00"'),
    currency: z.string(),
    group: z.string().nullable(),
    billing: z.enum(["ONE_TIME", "MONTHLY"]).describe("The billing a new line item of this product starts with"),
    active: z.boolean().describe("Archived (false) products stay on old deals but cannot be added to new lines"),
    lineItemCount: z.number().int().describe("Line items on opportunities that use this product"),
    version: z.number().int().describe("Bumped on every change; send it back (or If-Match) to update safely"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Product" });

export const listProducts = endpoint({
  method: "get",
  path: "/products",
  tag: "Products",
  summary: "List products",
  description: "The catalog, by group and name. `q` searches code, name and group; `active=true` leaves archived products out. Everyone may read it.",
  auth: "user",
  query: productListQuerySchema.extend(pagingQuery),
  response: listEnvelope(productSchema),
});

export const getProduct = endpoint({
  method: "get",
  path: "/products/{id}",
  tag: "Products",
  summary: "Get a product",
  auth: "user",
  params: idParams,
  response: productSchema,
  errors: [404],
});

export const createProduct = endpoint({
  method: "post",
  path: "/products",
  tag: "Products",
  summary: "Create a product (admins)",
  description: "unit defaults to \"unit\", billing to ONE_TIME, active to true. The currency must be in the currency table.",
  auth: "user",
  body: productCreateSchema,
  response: productSchema,
  status: 201,
  errors: [403, 409],
  example: { code: "PLAT-PRO", name: "Platform licence, Professional", unit: "seat", unitPrice: "89.00", currency: "USD", group: "Licences", billing: "MONTHLY" },
});

export const updateProduct = endpoint({
  method: "patch",
  path: "/products/{id}",
  tag: "Products",
  summary: "Update or archive a product (admins)",
  description: "Partial update. `active: false` archives it: deals keep it, new lines cannot pick it. Send `version` or If-Match to refuse stale writes (409). Prices on existing deals never change.",
  auth: "user",
  params: idParams,
  body: productUpdateSchema,
  response: productSchema,
  errors: [403, 404, 409],
  example: { unitPrice: "92.00", version: 2 },
});

export const deleteProduct = endpoint({
  method: "delete",
  path: "/products/{id}",
  tag: "Products",
  summary: "Delete an unused product (admins)",
  description: "Only a product no line item uses can be deleted; one on deals answers 409: archive it with `PATCH {\"active\": false}` instead, so those deals keep it.",
  auth: "user",
  params: idParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
  errors: [403, 404, 409],
});
