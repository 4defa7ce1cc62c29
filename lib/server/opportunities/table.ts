// The Opportunities table: a sorted, paginated page of the rows the actor may see.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { weightedAmount } from "@/lib/domain/money";
import type { OpportunityFilters, OpportunitySortField, OpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { opportunityFilterWhere } from "./filters";
import type { Actor } from "../auth/actor";
import { visibleOpportunities } from "../visibility";
import { isoDate } from "../serialize";

export interface OpportunityRow {
  id: string;
  title: string;
  accountName: string | null;
  stageName: string;
  stageColor: string;
  status: "OPEN" | "WON" | "LOST";
  amount: string;
  weightedAmount: string;
  currency: string;
  ownerName: string;
  expectedCloseDate: string | null;
  isPrivate: boolean;
}

export interface OpportunityTablePage {
  rows: OpportunityRow[];
  total: number;
  page: number;
  pageCount: number;
}

export type Dir = "asc" | "desc";

const ORDER: Record<OpportunitySortField, (dir: Dir) => Prisma.OpportunityOrderByWithRelationInput[]> = {
  title: (dir) => [{ title: dir }],
  account: (dir) => [{ account: { name: dir } }],
  stage: (dir) => [{ pipeline: { position: dir } }, { stage: { position: dir } }],
  amount: (dir) => [{ baseAmount: dir }],
  owner: (dir) => [{ owner: { name: dir } }],
  expectedCloseDate: (dir) => [{ expectedCloseDate: { sort: dir, nulls: "last" } }],
  createdAt: (dir) => [{ createdAt: dir }],
};

/** Visible rows matching the filters: the one condition for the table, its export and bulk "select all". */
export function tableWhere(actor: Actor, filters: OpportunityFilters): Prisma.OpportunityWhereInput {
  return { AND: [visibleOpportunities(actor), ...opportunityFilterWhere(filters)] };
}

export function tableOrder(sort: OpportunitySortField, dir: Dir): Prisma.OpportunityOrderByWithRelationInput[] {
  return [...ORDER[sort](dir), { id: dir }];
}

export async function listOpportunityTable(actor: Actor, query: OpportunityTableQuery): Promise<OpportunityTablePage> {
  const where = tableWhere(actor, query.filters);
  const total = await prisma().opportunity.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await prisma().opportunity.findMany({
    where,
    orderBy: tableOrder(query.sort, query.dir),
    skip: (page - 1) * query.pageSize,
    take: query.pageSize,
    select: {
      id: true,
      title: true,
      status: true,
      amount: true,
      probability: true,
      currencyCode: true,
      expectedCloseDate: true,
      isPrivate: true,
      account: { select: { name: true } },
      stage: { select: { name: true, color: true } },
      owner: { select: { name: true } },
    },
  });
  return {
    total,
    page,
    pageCount,
    rows: rows.map((o) => ({
      id: o.id,
      title: o.title,
      accountName: o.account?.name ?? null,
      stageName: o.stage.name,
      stageColor: o.stage.color,
      status: o.status,
      amount: o.amount.toFixed(2),
      weightedAmount: weightedAmount(o.amount.toString(), o.probability),
      currency: o.currencyCode,
      ownerName: o.owner.name,
      expectedCloseDate: isoDate(o.expectedCloseDate),
      isPrivate: o.isPrivate,
    })),
  };
}
