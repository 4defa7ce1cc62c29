import { z } from "zod";
import { activeFilter } from "@/lib/validation/common-fields";
import { currencyCreateSchema, currencyParams, currencyUpdateSchema } from "@/lib/validation/currencies";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { day, timestamp } from "./wire";

export const currencySchema = z
  .object({
    code: z.string().describe("ISO 4217, e.g. EUR"),
    name: z.string(),
    symbol: z.string(),
    rateToBase: z.string().describe('Units of the base currency per unit of this one, a decimal string, e.g. "1.08"'),
    rateDate: day.describe("The day the rate is for"),
    isBase: z.boolean().describe("The currency every forecast is in; exactly one, its rate is 1"),
    active: z.boolean().describe("Deactivated currencies stay on the opportunities in them but are not offered any more"),
    createdAt: timestamp,
    updatedAt: timestamp.describe("Send it back (or If-Match with the ETag) to update safely"),
  })
  .meta({ id: "Currency" });

const adminOnly = "Admins only (403 for others), like Settings → Currencies.";

export const listCurrencies = endpoint({
  method: "get",
  path: "/currencies",
  tag: "Currencies",
  summary: "List currencies",
  description: "The base currency first, then by code. Filter: active.",
  auth: "user",
  query: z.strictObject({ ...pagingQuery, active: activeFilter }),
  response: listEnvelope(currencySchema),
});

export const getCurrency = endpoint({
  method: "get",
  path: "/currencies/{code}",
  tag: "Currencies",
  summary: "Get a currency",
  auth: "user",
  params: currencyParams,
  response: currencySchema,
  errors: [404],
});

export const createCurrency = endpoint({
  method: "post",
  path: "/currencies",
  tag: "Currencies",
  summary: "Add a currency",
  description: `A code that exists already answers 409. ${adminOnly}`,
  auth: "user",
  body: currencyCreateSchema,
  response: currencySchema,
  status: 201,
  errors: [403, 409],
  example: { code: "CHF", name: "Swiss franc", symbol: "CHF", rateToBase: "1.05", rateDate: "2026-11-23" },
});

export const updateCurrency = endpoint({
  method: "patch",
  path: "/currencies/{code}",
  tag: "Currencies",
  summary: "Update a currency",
  description: `A new rate re-rates the open opportunities in this currency (won and lost ones keep theirs); rateDate defaults to today when the rate changes. The base currency's rate is always 1 (422) and it cannot be deactivated (409). Send updatedAt or If-Match to refuse stale writes (409). ${adminOnly}`,
  auth: "user",
  params: currencyParams,
  body: currencyUpdateSchema,
  response: currencySchema,
  errors: [403, 404, 409],
  example: { rateToBase: "1.0712", updatedAt: "2026-11-23T08:00:00.000Z" },
});

export const deleteCurrency = endpoint({
  method: "delete",
  path: "/currencies/{code}",
  tag: "Currencies",
  summary: "Delete a currency",
  description: `Only one that no opportunity or product uses, and never the base currency (409): deactivate it instead. ${adminOnly}`,
  auth: "user",
  params: currencyParams,
  response: z.object({ code: z.string(), deleted: z.literal(true) }),
  errors: [403, 404, 409],
});
