// Currencies and their rates to the base currency. A new rate is given to the
// OPEN opportunities in that currency (their baseAmount follows the current
// rate); won and lost ones keep the rate they closed with (DESIGN.md).
// Each change `foo(actor, input)` runs in its own admin transaction; `fooIn(tx, actor,
// input)` is the same change inside a caller's one (the API's PATCH combines several).
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { currencyActiveSchema, currencyCreateSchema, currencyUpdateSchema } from "@/lib/validation/settings-currencies";
import type { Actor } from "../auth/actor";
import type { CurrencyDto as PublicCurrencyDto } from "../currencies/read";
import { AppError, notFound, validationError } from "../errors";
import { lockUnchanged } from "../row-lock";
import { fitsMoneyColumn, toBaseAmount } from "@/lib/domain/money";
import { isoDate } from "../serialize";
import { adminTransaction, assertAdmin, type Tx } from "./admin";
import { writeAudit } from "./audit";

/** The API's currency (lib/server/currencies/read.ts) with the open opportunities in it. */
export interface CurrencyDto extends Omit<PublicCurrencyDto, "createdAt" | "updatedAt"> {
  openOpportunities: number;
}

export async function listCurrencies(actor: Actor): Promise<CurrencyDto[]> {
  assertAdmin(actor);
  const [currencies, open] = await Promise.all([
    prisma().currency.findMany({ orderBy: [{ isBase: "desc" }, { code: "asc" }] }),
    prisma().opportunity.groupBy({ by: ["currencyCode"], where: { status: "OPEN" }, _count: { _all: true } }),
  ]);
  const openOf = new Map(open.map((c) => [c.currencyCode, c._count._all]));
  return currencies.map((c) => ({
    code: c.code, name: c.name, symbol: c.symbol, rateToBase: c.rateToBase.toString(), rateDate: isoDate(c.rateDate)!,
    isBase: c.isBase, active: c.active, openOpportunities: openOf.get(c.code) ?? 0,
  }));
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function createCurrency(actor: Actor, input: z.output<typeof currencyCreateSchema>) {
  return adminTransaction(actor, (tx) => createCurrencyIn(tx, actor, input));
}

export async function createCurrencyIn(tx: Tx, actor: Actor, input: z.output<typeof currencyCreateSchema>) {
  assertAdmin(actor);
  if (await tx.currency.findUnique({ where: { code: input.code }, select: { code: true } })) {
    throw new AppError("CONFLICT", "This currency exists already", { code: "Already in the list" });
  }
  await tx.currency.create({ data: { code: input.code, name: input.name, symbol: input.symbol, rateToBase: input.rateToBase, rateDate: day(input.rateDate) } });
  await writeAudit(tx, actor, { action: "currency.create", entity: "Currency", entityId: input.code, after: input });
  return { code: input.code };
}

export function updateCurrency(actor: Actor, input: z.output<typeof currencyUpdateSchema>) {
  return adminTransaction(actor, (tx) => updateCurrencyIn(tx, actor, input));
}

export async function updateCurrencyIn(tx: Tx, actor: Actor, input: z.output<typeof currencyUpdateSchema>) {
  assertAdmin(actor);
  const before = await tx.currency.findUnique({ where: { code: input.code } });
  if (!before) throw notFound("Currency");
  if (before.isBase && !new Prisma.Decimal(input.rateToBase).equals(1)) {
    throw new AppError("VALIDATION", "The base currency's rate is always 1", { rateToBase: "The base currency's rate is always 1" });
  }
  await tx.currency.update({ where: { code: input.code }, data: { name: input.name, symbol: input.symbol, rateToBase: input.rateToBase, rateDate: day(input.rateDate) } });
  let reratedOpportunities = 0;
  if (!before.rateToBase.equals(input.rateToBase)) {
    const largest = await tx.opportunity.aggregate({ where: { currencyCode: input.code, status: "OPEN" }, _max: { amount: true } });
    if (largest._max.amount && !fitsMoneyColumn(toBaseAmount(largest._max.amount, input.rateToBase))) {
      throw validationError({ rateToBase: "At this rate an open opportunity's amount would be too large in the base currency" });
    }
    // Only open deals follow the new rate; closed ones keep the rate they closed with.
    reratedOpportunities = await tx.$executeRaw`
      UPDATE "Opportunity"
      SET "exchangeRate" = ${input.rateToBase}::numeric,
          "baseAmount" = ROUND("amount" * ${input.rateToBase}::numeric, 2),
          "version" = "version" + 1,
          "updatedAt" = now()
      WHERE "currencyCode" = ${input.code} AND "status" = 'OPEN'`;
  }
  await writeAudit(tx, actor, {
    action: "currency.update", entity: "Currency", entityId: input.code,
    before: { name: before.name, symbol: before.symbol, rateToBase: before.rateToBase.toString(), rateDate: isoDate(before.rateDate) },
    after: { name: input.name, symbol: input.symbol, rateToBase: input.rateToBase, rateDate: input.rateDate, reratedOpportunities },
  });
  return { code: input.code, reratedOpportunities };
}

export function setCurrencyActive(actor: Actor, input: z.output<typeof currencyActiveSchema>) {
  return adminTransaction(actor, (tx) => setCurrencyActiveIn(tx, actor, input));
}

export async function setCurrencyActiveIn(tx: Tx, actor: Actor, input: z.output<typeof currencyActiveSchema>) {
  assertAdmin(actor);
  const before = await tx.currency.findUnique({ where: { code: input.code } });
  if (!before) throw notFound("Currency");
  if (before.isBase && !input.active) throw new AppError("CONFLICT", "The base currency cannot be deactivated");
  await tx.currency.update({ where: { code: input.code }, data: { active: input.active } });
  await writeAudit(tx, actor, { action: input.active ? "currency.activate" : "currency.deactivate", entity: "Currency", entityId: input.code, before: { active: before.active }, after: { active: input.active } });
  return { code: input.code };
}

/**
 * Deletes a currency nothing uses; the base currency and one in use are a CONFLICT (deactivate it
 * instead). `expected`: the updatedAt the client read (API).
 */
export function deleteCurrency(actor: Actor, input: { code: string }, expected: Date | null = null) {
  return adminTransaction(actor, async (tx) => {
    await lockUnchanged(tx, "Currency", input.code, expected);
    const currency = await tx.currency.findUniqueOrThrow({ where: { code: input.code } });
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
