"use server";

// The currency screen's actions: the same services as /api/v1/currencies.
import { serverAction } from "@/lib/server/action";
import { createCurrency, updateCurrency } from "@/lib/server/currencies/write";
import { currencyCreateSchema, currencyUpdateActionSchema } from "@/lib/validation/currencies";

export const createCurrencyAction = serverAction(currencyCreateSchema, (actor, input) => createCurrency(actor, input));
export const updateCurrencyAction = serverAction(currencyUpdateActionSchema, (actor, { code, ...patch }) => updateCurrency(actor, code, patch));
