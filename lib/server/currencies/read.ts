// Currencies for every signed-in user (amounts are entered and shown in them);
// only admins change them (lib/server/settings/currencies.ts).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { isoDate, isoTimestamp } from "../serialize";

export interface CurrencyDto {
  code: string;
  name: string;
  symbol: string;
  /** Units of the base currency per unit of this one, as a decimal string. */
  rateToBase: string;
  rateDate: string;
  isBase: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

type Db = Pick<Prisma.TransactionClient, "currency">;

const toDto = (c: Prisma.CurrencyGetPayload<object>): CurrencyDto => ({
  code: c.code, name: c.name, symbol: c.symbol, rateToBase: c.rateToBase.toString(), rateDate: isoDate(c.rateDate)!,
  isBase: c.isBase, active: c.active, createdAt: isoTimestamp(c.createdAt)!, updatedAt: isoTimestamp(c.updatedAt)!,
});

/** The base currency first, then by code. */
export async function listCurrencies(_actor: Actor, filter: { active?: boolean }, window: { skip: number; take: number }) {
  const where: Prisma.CurrencyWhereInput = filter.active === undefined ? {} : { active: filter.active };
  const [total, rows] = await Promise.all([
    prisma().currency.count({ where }),
    prisma().currency.findMany({ where, orderBy: [{ isBase: "desc" }, { code: "asc" }], ...window }),
  ]);
  return { total, rows: rows.map(toDto) };
}

export async function getCurrency(_actor: Actor, code: string, db: Db = prisma()): Promise<CurrencyDto> {
  const row = await db.currency.findUnique({ where: { code } });
  if (!row) throw notFound("Currency");
  return toDto(row);
}
