// Currencies for every signed-in user (amounts are entered and shown in them);
// only admins change them (write.ts). The settings screen also sees how many
// open opportunities each one holds.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { assertAdmin } from "../auth/admin";
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

/** The settings screen's currency: the API's with the open opportunities in it. */
export interface CurrencyUsageDto extends Omit<CurrencyDto, "createdAt" | "updatedAt"> {
  openOpportunities: number;
}

type Db = Pick<Prisma.TransactionClient, "currency">;
type Row = Prisma.CurrencyGetPayload<object>;

const toDto = (c: Row): CurrencyDto => ({
  code: c.code, name: c.name, symbol: c.symbol, rateToBase: c.rateToBase.toString(), rateDate: isoDate(c.rateDate)!,
  isBase: c.isBase, active: c.active, createdAt: isoTimestamp(c.createdAt)!, updatedAt: isoTimestamp(c.updatedAt)!,
});

/** The base currency first, then by code. */
const order = [{ isBase: "desc" }, { code: "asc" }] satisfies Prisma.CurrencyOrderByWithRelationInput[];

export async function listCurrencies(_actor: Actor, filter: { active?: boolean }, window: { skip: number; take: number }) {
  const where: Prisma.CurrencyWhereInput = filter.active === undefined ? {} : { active: filter.active };
  const [total, rows] = await Promise.all([
    prisma().currency.count({ where }),
    prisma().currency.findMany({ where, orderBy: order, ...window }),
  ]);
  return { total, rows: rows.map(toDto) };
}

export async function getCurrency(_actor: Actor, code: string, db: Db = prisma()): Promise<CurrencyDto> {
  const row = await db.currency.findUnique({ where: { code } });
  if (!row) throw notFound("Currency");
  return toDto(row);
}

/** Every currency with its open opportunities (admins: the settings screen, the quota and product pages). */
export async function listCurrencyUsage(actor: Actor): Promise<CurrencyUsageDto[]> {
  assertAdmin(actor);
  const [currencies, open] = await Promise.all([
    prisma().currency.findMany({ orderBy: order }),
    prisma().opportunity.groupBy({ by: ["currencyCode"], where: { status: "OPEN" }, _count: { _all: true } }),
  ]);
  const openOf = new Map(open.map((c) => [c.currencyCode, c._count._all]));
  return currencies.map((c) => {
    const { createdAt: _c, updatedAt: _u, ...dto } = toDto(c);
    return { ...dto, openOpportunities: openOf.get(c.code) ?? 0 };
  });
}
