"use server";
// Thin server actions for accounts (pages and the opportunity form's picker).
import { z } from "zod";
import { serverAction } from "@/lib/server/action";
import { searchAccounts } from "@/lib/server/accounts/list";
import { accountUsage, createAccount, deleteAccount, updateAccount } from "@/lib/server/accounts/write";
import {
  accountCreateSchema,
  accountDeleteSchema,
  accountIdActionSchema as idInput,
  accountSearchActionSchema as searchInput,
  accountUpdateActionSchema,
} from "@/lib/validation/account";

const search = serverAction(searchInput, (actor, input) => searchAccounts(actor, input.q));
const create = serverAction(accountCreateSchema, createAccount);
const update = serverAction(accountUpdateActionSchema, (actor, input) => updateAccount(actor, input.id, input.changes));
const usage = serverAction(idInput, (actor, input) => accountUsage(actor, input.id));
const remove = serverAction(accountDeleteSchema, deleteAccount);

export async function searchAccountsAction(input: z.input<typeof searchInput>) {
  return search(input);
}
export async function createAccountAction(input: z.input<typeof accountCreateSchema>) {
  return create(input);
}
export async function updateAccountAction(input: z.input<typeof accountUpdateActionSchema>) {
  return update(input);
}
export async function accountUsageAction(input: z.input<typeof idInput>) {
  return usage(input);
}
export async function deleteAccountAction(input: z.input<typeof accountDeleteSchema>) {
  return remove(input);
}
