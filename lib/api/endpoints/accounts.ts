import { z } from "zod";
import { ACCOUNT_SORT_FIELDS, accountApiDeleteQuery, accountApiUpdateSchema, accountCreateSchema } from "@/lib/validation/account";
import { idFilter, idParams, updatedSinceFilter } from "@/lib/validation/api-common";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { deletedSchema, sortQuery, timestamp } from "./wire";

export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    industry: z.string().nullable(),
    segment: z.string().nullable(),
    territory: z.string().nullable(),
    website: z.string().nullable(),
    phone: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    employees: z.number().int().nullable(),
    annualRevenue: z.string().nullable().describe('Decimal string, e.g. "1250000.00"'),
    ownerId: z.string().nullable(),
    externalId: z.string().nullable().describe("The id in the system it was imported or synced from; unique"),
    createdAt: timestamp,
    updatedAt: timestamp.describe("Send it back (or If-Match with the ETag) to update safely"),
  })
  .meta({ id: "Account" });

export const listAccounts = endpoint({
  method: "get",
  path: "/accounts",
  tag: "Accounts",
  summary: "List accounts",
  description: "Newest first unless sorted. q searches name, industry and city; industry and country match whole values, any case.",
  auth: "user",
  query: z.strictObject({
    ...pagingQuery,
    q: z.string().trim().min(1).max(200).optional(),
    ownerId: idFilter,
    industry: z.string().trim().min(1).max(100).optional(),
    country: z.string().trim().min(1).max(100).optional(),
    updatedSince: updatedSinceFilter,
    sort: sortQuery(ACCOUNT_SORT_FIELDS, "-createdAt"),
  }),
  response: listEnvelope(accountSchema),
});

export const getAccount = endpoint({
  method: "get",
  path: "/accounts/{id}",
  tag: "Accounts",
  summary: "Get an account",
  auth: "user",
  params: idParams,
  response: accountSchema,
  errors: [404],
});

export const createAccount = endpoint({
  method: "post",
  path: "/accounts",
  tag: "Accounts",
  summary: "Create an account",
  description: "Anyone may. The owner defaults to you.",
  auth: "user",
  body: accountCreateSchema,
  response: accountSchema,
  status: 201,
  example: { name: "Acme GmbH", industry: "Manufacturing", city: "Berlin", country: "Germany", employees: 250, annualRevenue: "42000000.00" },
});

export const updateAccount = endpoint({
  method: "patch",
  path: "/accounts/{id}",
  tag: "Accounts",
  summary: "Update an account",
  description: "Anyone may. Fields not sent stay unchanged; null clears one. Send updatedAt or If-Match to refuse stale writes (409).",
  auth: "user",
  params: idParams,
  body: accountApiUpdateSchema,
  response: accountSchema,
  errors: [404, 409],
  example: { phone: "+49 30 1234567", updatedAt: "2026-11-23T08:00:00.000Z" },
});

export const deleteAccount = endpoint({
  method: "delete",
  path: "/accounts/{id}",
  tag: "Accounts",
  summary: "Delete an account",
  description:
    "For its owner, managers and admins (403 for others). One that opportunities or contacts belong to needs strategy=detach (they keep no account) or strategy=reassign with targetAccountId (409 without); private opportunities move too.",
  auth: "user",
  params: idParams,
  query: accountApiDeleteQuery,
  response: deletedSchema({ movedOpportunities: z.number().int() }),
  errors: [403, 404, 409],
});
