// The API's currency writes: the settings services (admin only, audited; a new
// rate re-rates the open opportunities in that currency) in one transaction
// behind the row lock of optimistic concurrency.
import type { z } from "zod";
import type { currencyApiCreateSchema, currencyApiUpdateSchema } from "@/lib/validation/api-reference-lists";
import type { Actor } from "../auth/actor";
import { lockUnchanged } from "../row-lock";
import { isoDate } from "../serialize";
import { adminTransaction } from "../settings/admin";
import { createCurrencyIn, setCurrencyActiveIn, updateCurrencyIn } from "../settings/currencies";
import { getCurrency, type CurrencyDto } from "./read";

const today = () => isoDate(new Date())!;

export function createCurrencyForApi(actor: Actor, input: z.output<typeof currencyApiCreateSchema>): Promise<CurrencyDto> {
  return adminTransaction(actor, async (tx) => {
    await createCurrencyIn(tx, actor, { ...input, rateDate: input.rateDate ?? today() });
    return getCurrency(actor, input.code, tx);
  });
}

export function updateCurrencyForApi(actor: Actor, code: string, patch: Omit<z.output<typeof currencyApiUpdateSchema>, "updatedAt">, expected: Date | null): Promise<CurrencyDto> {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Currency", code, expected);
    const current = await tx.currency.findUniqueOrThrow({ where: { code } });
    const { active, ...fields } = patch;
    if (Object.values(fields).some((v) => v !== undefined)) {
      const rateChanges = fields.rateToBase !== undefined && !current.rateToBase.equals(fields.rateToBase);
      await updateCurrencyIn(tx, actor, {
        code,
        name: fields.name ?? current.name,
        symbol: fields.symbol ?? current.symbol,
        rateToBase: fields.rateToBase ?? current.rateToBase.toString(),
        // A new rate without a date is today's rate.
        rateDate: fields.rateDate ?? (rateChanges ? today() : isoDate(current.rateDate)!),
      });
    }
    if (active !== undefined && active !== current.active) await setCurrencyActiveIn(tx, actor, { code, active });
    return getCurrency(actor, code, tx);
  });
}
