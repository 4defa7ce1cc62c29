"use server";

import { serverAction } from "@/lib/server/action";
import { createCurrency, setCurrencyActive, updateCurrency } from "@/lib/server/settings/currencies";
import { currencyActiveSchema, currencyCreateSchema, currencyUpdateSchema } from "@/lib/validation/settings-currencies";

export const createCurrencyAction = serverAction(currencyCreateSchema, createCurrency);
export const updateCurrencyAction = serverAction(currencyUpdateSchema, updateCurrency);
export const setCurrencyActiveAction = serverAction(currencyActiveSchema, setCurrencyActive);
