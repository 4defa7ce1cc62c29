// A page of one column's cards in board order (rank, then id), as card DTOs.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { BOARD_PAGE_SIZE } from "@/lib/validation/board";
import type { Actor } from "../auth/actor";
import { canEditOpportunity } from "../permissions";
import { isoDate, isoTimestamp } from "../serialize";

export interface BoardCard {
  id: string;
  title: string;
  accountName: string | null;
  amount: string;
  currency: string;
  /** The amount in the base currency, for the column totals' optimistic update. */
  baseAmount: string;
  probability: number;
  ownerId: string;
  ownerName: string;
  expectedCloseDate: string | null;
  labels: string[];
  stageChangedAt: string;
  isPrivate: boolean;
  rank: string;
  version: number;
  /** Whether the actor may move it (permissions.ts); others' cards are shown but not draggable. */
  editable: boolean;
}

export interface CardPage {
  cards: BoardCard[];
  /** Pass back to get the next page; null when the column is exhausted. */
  nextCursor: string | null;
}

const cardSelect = (actor: Actor) =>
  ({
  id: true,
  title: true,
  amount: true,
  currencyCode: true,
  baseAmount: true,
  probability: true,
  ownerId: true,
  expectedCloseDate: true,
  labels: true,
  stageChangedAt: true,
  isPrivate: true,
  rank: true,
  version: true,
  account: { select: { name: true } },
  owner: { select: { name: true } },
  // Only the actor's own membership matters for the editable flag.
  members: { where: { userId: actor.id }, select: { userId: true } },
}) satisfies Prisma.OpportunitySelect;

type CardRow = Prisma.OpportunityGetPayload<{ select: ReturnType<typeof cardSelect> }>;

function toCard(actor: Actor, row: CardRow): BoardCard {
  return {
    id: row.id,
    title: row.title,
    accountName: row.account?.name ?? null,
    amount: row.amount.toFixed(2),
    currency: row.currencyCode,
    baseAmount: row.baseAmount.toFixed(2),
    probability: row.probability,
    ownerId: row.ownerId,
    ownerName: row.owner.name,
    expectedCloseDate: isoDate(row.expectedCloseDate),
    labels: row.labels,
    stageChangedAt: isoTimestamp(row.stageChangedAt)!,
    isPrivate: row.isPrivate,
    rank: row.rank,
    version: row.version,
    editable: canEditOpportunity(actor, { ownerId: row.ownerId, memberIds: row.members.map((m) => m.userId) }),
  };
}

export const encodeCursor = (card: { rank: string; id: string }) => `${card.rank}~${card.id}`;

function afterCursor(cursor: string | null): Prisma.OpportunityWhereInput {
  if (!cursor) return {};
  const [rank, id] = cursor.split("~");
  return { OR: [{ rank: { gt: rank } }, { rank, id: { gt: id } }] };
}

/** `where` must already hold visibility and filters (boardWhere). */
export async function columnPage(
  actor: Actor,
  where: Prisma.OpportunityWhereInput, stageId: string, cursor: string | null, size = BOARD_PAGE_SIZE): Promise<CardPage> {
  const rows = await prisma().opportunity.findMany({
    where: { AND: [where, { stageId }, afterCursor(cursor)] },
    orderBy: [{ rank: "asc" }, { id: "asc" }],
    take: size + 1,
    select: cardSelect(actor),
  });
  const cards = rows.slice(0, size).map((row) => toCard(actor, row));
  return { cards, nextCursor: rows.length > size ? encodeCursor(cards[cards.length - 1]) : null };
}
