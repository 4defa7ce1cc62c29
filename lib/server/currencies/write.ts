// Changing currencies (admins only), for the settings screen and the REST API
// alike, each change in one transaction behind the row lock of optimistic
// concurrency, audited. A new rate is given to the OPEN opportunities in that
// currency (their baseAmount follows the current rate); won and lost ones keep
// the rate they closed with (DESIGN.md).
import { Prisma } from "@/lib/db/generated/client";
import type { CurrencyCreateInput, CurrencyPatch } from "@/lib/validation/currencies";
import type { Actor } from "../auth/actor";
import { adminTransaction, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError } from "../errors";
import { checkedBaseAmount } from "../opportunities/write/base-amount";
import { lockUnchanged } from "../row-lock";
import { isoDate } from "../serialize";
import { getCurrency, type CurrencyDto } from "./read";
import { eventActor } from "../events/write";
import { changingOpportunities } from "../opportunities/events";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = () => isoDate(new Date())!;

/** A new currency; its rate is for `rateDate`, today by default. A code that exists is a CONFLICT. */
export function createCurrency(actor: Actor, input: CurrencyCreateInput): Promise<CurrencyDto> {
  return adminTransaction(actor, async (tx) => {
    if (await tx.currency.findUnique({ where: { code: input.code }, select: { code: true } })) {
      throw new AppError("CONFLICT", "This currency exists already", { code: "Already in the list" });
    }
    const rateDate = input.rateDate ?? today();
    await tx.currency.create({ data: { code: input.code, name: input.name, symbol: input.symbol, rateToBase: input.rateToBase, rateDate: day(rateDate) } });
    await writeAudit(tx, actor, { action: "currency.create", entity: "Currency", entityId: input.code, after: { ...input, rateDate } });
    return getCurrency(actor, input.code, tx);
  });
}

type CurrencyRow = Awaited<ReturnType<Tx["currency"]["findUniqueOrThrow"]>>;

/** Writes name, symbol and rate; a changed rate re-rates the open opportunities. Returns how many. */
async function editCurrency(tx: Tx, actor: Actor, before: CurrencyRow, edit: { name: string; symbol: string; rateToBase: string; rateDate: string }): Promise<number> {
  const code = before.code;
  if (before.isBase && !new Prisma.Decimal(edit.rateToBase).equals(1)) {
    throw new AppError("VALIDATION", "The base currency's rate is always 1", { rateToBase: "The base currency's rate is always 1" });
  }
  await tx.currency.update({ where: { code }, data: { name: edit.name, symbol: edit.symbol, rateToBase: edit.rateToBase, rateDate: day(edit.rateDate) } });
  let reratedOpportunities = 0;
  if (!before.rateToBase.equals(edit.rateToBase)) {
    const largest = await tx.opportunity.aggregate({ where: { currencyCode: code, status: "OPEN" }, _max: { amount: true } });
    if (largest._max.amount) checkedBaseAmount(largest._max.amount, edit.rateToBase, "rateToBase");
    // Only open deals follow the new rate; closed ones keep the rate they closed with.
    const ids = (await tx.opportunity.findMany({ where: { currencyCode: code, status: "OPEN" }, select: { id: true } })).map((o) => o.id);
    reratedOpportunities = await changingOpportunities(tx, ids, eventActor(actor), new Date(), () => tx.$executeRaw`
      UPDATE "Opportunity"
      SET "exchangeRate" = ${edit.rateToBase}::numeric,
          "baseAmount" = ROUND("amount" * ${edit.rateToBase}::numeric, 2),
          "version" = "version" + 1,
          "updatedAt" = now()
      WHERE "id" = ANY(${ids}::text[])`);
  }
  await writeAudit(tx, actor, {
    action: "currency.update", entity: "Currency", entityId: code,
    before: { name: before.name, symbol: before.symbol, rateToBase: before.rateToBase.toString(), rateDate: isoDate(before.rateDate) },
    after: { ...edit, reratedOpportunities },
  });
  return reratedOpportunities;
}

async function setActive(tx: Tx, actor: Actor, before: CurrencyRow, active: boolean) {
  if (before.isBase && !active) throw new AppError("CONFLICT", "The base currency cannot be deactivated");
  await tx.currency.update({ where: { code: before.code }, data: { active } });
  await writeAudit(tx, actor, { action: active ? "currency.activate" : "currency.deactivate", entity: "Currency", entityId: before.code, before: { active: before.active }, after: { active } });
}

/**
 * PATCH: fields not sent stay as they are; a new rate without a date is
 * today's. `expected`: the updatedAt the client read (stale: CONFLICT).
 */
export function updateCurrency(
  actor: Actor,
  code: string,
  patch: CurrencyPatch,
  expected: Date | null = null,
): Promise<{ currency: CurrencyDto; reratedOpportunities: number }> {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Currency", code, expected);
    const current = await tx.currency.findUniqueOrThrow({ where: { code } });
    const { active, ...fields } = patch;
    let reratedOpportunities = 0;
    if (Object.values(fields).some((v) => v !== undefined)) {
      const rateChanges = fields.rateToBase !== undefined && !current.rateToBase.equals(fields.rateToBase);
      reratedOpportunities = await editCurrency(tx, actor, current, {
        name: fields.name ?? current.name,
        symbol: fields.symbol ?? current.symbol,
        rateToBase: fields.rateToBase ?? current.rateToBase.toString(),
        rateDate: fields.rateDate ?? (rateChanges ? today() : isoDate(current.rateDate)!),
      });
    }
    if (active !== undefined && active !== current.active) await setActive(tx, actor, current, active);
    return { currency: await getCurrency(actor, code, tx), reratedOpportunities };
  });
}

/**
 * Deletes a currency nothing uses; the base currency and one in use are a CONFLICT (deactivate it
 * instead). `expected`: the updatedAt the client read.
 */
export function deleteCurrency(actor: Actor, code: string, expected: Date | null = null) {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Currency", code, expected);
    const currency = await tx.currency.findUniqueOrThrow({ where: { code } });
    if (currency.isBase) throw new AppError("CONFLICT", "The base currency cannot be deleted");
    const opportunities = await tx.opportunity.count({ where: { currencyCode: currency.code } });
    const products = await tx.product.count({ where: { currencyCode: currency.code } });
    if (opportunities + products > 0) {
      throw new AppError("CONFLICT", `${opportunities} opportunities and ${products} products use ${currency.code}; deactivate it instead (active: false)`);
    }
    await tx.currency.delete({ where: { code: currency.code } });
    await writeAudit(tx, actor, { action: "currency.delete", entity: "Currency", entityId: currency.code, before: { name: currency.name, symbol: currency.symbol, rateToBase: currency.rateToBase.toString() } });
    return { code: currency.code, deleted: true as const };
  });
}
