// One account with its contacts and the opportunities the actor may see,
// totalled by status (in the base currency).
import { prisma } from "@/lib/db";
import { moneyString } from "@/lib/domain/decimal";
import { seesEverything, type Actor } from "../auth/actor";
import { notFound } from "../errors";
import { isoDate } from "../serialize";
import { visibleOpportunities } from "../visibility";
import { toAccountDto, type AccountDto } from "./dto";

export interface AccountDetail {
  account: AccountDto;
  ownerName: string | null;
  /** The owner, managers and admins may delete an account. */
  canDelete: boolean;
  contacts: { id: string; name: string; email: string | null; jobTitle: string | null }[];
  opportunities: { id: string; title: string; status: "OPEN" | "WON" | "LOST"; stageName: string; stageColor: string; amount: string; currency: string; ownerName: string; expectedCloseDate: string | null; isPrivate: boolean }[];
  totals: Record<"OPEN" | "WON" | "LOST", { count: number; baseAmount: string }>;
}

export async function getAccount(_actor: Actor, id: string) {
  const account = await prisma().account.findUnique({ where: { id } });
  if (!account) throw notFound("Account");
  return toAccountDto(account);
}

export async function getAccountDetail(actor: Actor, id: string): Promise<AccountDetail> {
  const account = await prisma().account.findUnique({ where: { id }, include: { owner: { select: { name: true } } } });
  if (!account) throw notFound("Account");
  const where = { AND: [{ accountId: id }, visibleOpportunities(actor)] };
  const [contacts, opportunities, sums] = await Promise.all([
    prisma().contact.findMany({ where: { accountId: id }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }], select: { id: true, firstName: true, lastName: true, email: true, jobTitle: true } }),
    prisma().opportunity.findMany({
      where,
      orderBy: [{ status: "asc" }, { expectedCloseDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: 200,
      select: { id: true, title: true, status: true, amount: true, currencyCode: true, expectedCloseDate: true, isPrivate: true, stage: { select: { name: true, color: true } }, owner: { select: { name: true } } },
    }),
    prisma().opportunity.groupBy({ by: ["status"], where, _count: { _all: true }, _sum: { baseAmount: true } }),
  ]);
  const totals = { OPEN: { count: 0, baseAmount: "0.00" }, WON: { count: 0, baseAmount: "0.00" }, LOST: { count: 0, baseAmount: "0.00" } };
  for (const s of sums) totals[s.status] = { count: s._count._all, baseAmount: moneyString(s._sum.baseAmount?.toString() ?? "0") };
  return {
    account: toAccountDto(account),
    ownerName: account.owner?.name ?? null,
    canDelete: seesEverything(actor) || account.ownerId === actor.id,
    contacts: contacts.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, email: c.email, jobTitle: c.jobTitle })),
    opportunities: opportunities.map((o) => ({
      id: o.id, title: o.title, status: o.status, stageName: o.stage.name, stageColor: o.stage.color, amount: o.amount.toFixed(2),
      currency: o.currencyCode, ownerName: o.owner.name, expectedCloseDate: isoDate(o.expectedCloseDate), isPrivate: o.isPrivate,
    })),
    totals,
  };
}
