// Account (customer company) input, shared by the account form, its server
// actions and the API. Strict: unknown fields are errors.
import { z } from "zod";
import { updatedAtPrecondition } from "./api-common";
import { moneyField, optionalText } from "./opportunity-fields";
import { queryInteger } from "./query-integer";

export const accountFields = {
  name: z.string({ error: "Enter the company name" }).trim().min(1, "Enter the company name").max(200, "Use at most 200 characters"),
  industry: optionalText(100),
  segment: optionalText(100),
  territory: optionalText(100),
  website: optionalText(300).refine((v) => !v || /^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(v), "Enter a web address like example.com"),
  phone: optionalText(50),
  city: optionalText(100),
  country: optionalText(100),
  employees: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(0, "Enter 0 or more").max(10_000_000).nullable().optional(),
  annualRevenue: moneyField.nullable().optional(),
  ownerId: z.string().trim().min(1).max(64).nullable().optional(),
  externalId: optionalText(200),
};

export const accountCreateSchema = z.strictObject(accountFields);
export const accountUpdateSchema = accountCreateSchema.partial();
export type AccountCreateInput = z.output<typeof accountCreateSchema>;
export type AccountUpdateInput = z.output<typeof accountUpdateSchema>;
export type AccountFormValues = z.input<typeof accountCreateSchema>;

export const accountUpdateActionSchema = z.strictObject({ id: z.string().min(1).max(64), changes: accountUpdateSchema });
/** The account picker's search, and the actions that take only an id. */
export const accountSearchActionSchema = z.strictObject({ q: z.string().max(200) });
export const accountIdActionSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** Deleting an account that opportunities or contacts use: detach them, or move them to another account. */
export const accountDeleteSchema = z.strictObject({
  id: z.string().min(1).max(64),
  strategy: z.enum(["detach", "reassign"], { error: "Choose what happens to its opportunities and contacts" }),
  targetAccountId: z.string().min(1).max(64).optional(),
}).refine((v) => v.strategy !== "reassign" || !!v.targetAccountId, { path: ["targetAccountId"], message: "Choose the account that takes them over" });

export const searchSchema = z.strictObject({
  q: z.string().trim().max(200).catch(""),
  page: queryInteger(1, 100_000).catch(1),
  limit: queryInteger(1, 100).catch(25),
});
export type SearchInput = z.output<typeof searchSchema>;

/** The API's PATCH: any account field, plus the updatedAt the client read. */
export const accountApiUpdateSchema = accountUpdateSchema.extend({ updatedAt: updatedAtPrecondition });

/** The API's DELETE: without a strategy, an account in use is refused (409). */
export const accountApiDeleteQuery = z
  .strictObject({
    strategy: z.enum(["detach", "reassign"]).optional().describe("detach: its opportunities and contacts keep no account; reassign: they move to targetAccountId"),
    targetAccountId: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.strategy !== "reassign" || !!v.targetAccountId, { path: ["targetAccountId"], message: "Choose the account that takes them over" });

export const ACCOUNT_SORT_FIELDS = ["name", "createdAt", "updatedAt"] as const;
