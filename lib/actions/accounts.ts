"use server";
// Server actions for accounts (their pages and the pickers of other forms).
import { serverAction } from "@/lib/server/action";
import { searchAccounts } from "@/lib/server/accounts/list";
import { accountUsage, createAccount, deleteAccount, updateAccount } from "@/lib/server/accounts/write";
import {
  accountCreateSchema,
  accountDeleteSchema,
  accountIdActionSchema,
  accountSearchActionSchema,
  accountUpdateActionSchema,
} from "@/lib/validation/account";

export const searchAccountsAction = serverAction(accountSearchActionSchema, (actor, input) => searchAccounts(actor, input.q));
export const createAccountAction = serverAction(accountCreateSchema, (actor, input) => createAccount(actor, input));
export const updateAccountAction = serverAction(accountUpdateActionSchema, (actor, input) => updateAccount(actor, input.id, input.changes));
export const accountUsageAction = serverAction(accountIdActionSchema, (actor, input) => accountUsage(actor, input.id));
export const deleteAccountAction = serverAction(accountDeleteSchema, (actor, input) => deleteAccount(actor, input));
