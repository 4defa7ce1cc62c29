// Pure updates of the board's cached data, used for the optimistic move and
// for appending pages. Totals move with the card until the server's SQL
// totals replace them a moment later.
import { dec, moneyString } from "@/lib/domain/decimal";
import { compareRanked } from "@/lib/domain/rank";
import type { BoardData, BoardStage } from "@/lib/server/board/board";
import type { BoardCard } from "@/lib/server/board/cards";
import type { ColumnTotals } from "@/lib/server/board/totals";
import { BOARD_PAGE_SIZE, BOARD_REFRESH_MAX } from "@/lib/validation/board";

export interface CardMove {
  cardId: string;
  toStageId: string;
  /** Index in the target column once the card has left its old place. */
  index: number;
}

export function findCard(data: BoardData, cardId: string): { stage: BoardStage; card: BoardCard; index: number } | null {
  for (const stage of data.stages) {
    const index = stage.cards.findIndex((c) => c.id === cardId);
    if (index >= 0) return { stage, card: stage.cards[index], index };
  }
  return null;
}

function probabilityIn(stage: BoardStage): number {
  if (stage.type === "WON") return 100;
  if (stage.type === "LOST") return 0;
  return stage.probability;
}

function shift(totals: ColumnTotals, card: BoardCard, probability: number, sign: 1 | -1): ColumnTotals {
  const amount = dec(card.baseAmount).times(sign);
  return {
    count: totals.count + sign,
    amount: moneyString(dec(totals.amount).plus(amount)),
    weighted: moneyString(dec(totals.weighted).plus(amount.times(probability).dividedBy(100))),
  };
}

/** The board with the card moved; closed stages show no cards, so a card moved there leaves the board. */
export function applyMove(data: BoardData, move: CardMove): BoardData {
  const found = findCard(data, move.cardId);
  if (!found) return data;
  const { stage: from, card } = found;
  const sameStage = from.id === move.toStageId;
  const stages = data.stages.map((stage) => {
    if (stage.id !== from.id && stage.id !== move.toStageId) return stage;
    let cards = stage.cards;
    let totals = stage.totals;
    if (stage.id === from.id) {
      cards = cards.filter((c) => c.id !== card.id);
      if (!sameStage) totals = shift(totals, card, card.probability, -1);
    }
    if (stage.id === move.toStageId) {
      const probability = sameStage ? card.probability : probabilityIn(stage);
      if (stage.type === "OPEN") {
        const at = Math.max(0, Math.min(move.index, cards.length));
        cards = [...cards.slice(0, at), { ...card, probability }, ...cards.slice(at)];
      }
      if (!sameStage) totals = shift(totals, card, probability, 1);
    }
    return { ...stage, cards, totals };
  });
  return { ...data, stages };
}

/** Takes the server's answer for one card (new rank, version, odds). */
export function patchCard(data: BoardData, cardId: string, patch: Partial<BoardCard>): BoardData {
  return {
    ...data,
    stages: data.stages.map((s) =>
      s.cards.some((c) => c.id === cardId) ? { ...s, cards: s.cards.map((c) => (c.id === cardId ? { ...c, ...patch } : c)) } : s,
    ),
  };
}

export function withTotals(data: BoardData, totals: Record<string, ColumnTotals>): BoardData {
  return { ...data, stages: data.stages.map((s) => (totals[s.id] ? { ...s, totals: totals[s.id] } : s)) };
}

/** Appends a loaded page to a column, skipping cards already shown (a move may have brought them). */
export function appendPage(data: BoardData, stageId: string, cards: BoardCard[], nextCursor: string | null): BoardData {
  return {
    ...data,
    stages: data.stages.map((s) => {
      if (s.id !== stageId) return s;
      const seen = new Set(data.stages.flatMap((x) => x.cards.map((c) => c.id)));
      return { ...s, cards: [...s.cards, ...cards.filter((c) => !seen.has(c.id))], nextCursor };
    }),
  };
}

/** Columns showing more than their first page, with how many cards: what a refresh must reload. */
export function loadedCounts(data: BoardData): Record<string, number> {
  return Object.fromEntries(data.stages.filter((s) => s.cards.length > BOARD_PAGE_SIZE).map((s) => [s.id, Math.min(s.cards.length, BOARD_REFRESH_MAX)]));
}

/**
 * A refreshed board, keeping after each column's refreshed cards those the
 * shown board had loaded beyond them (a column paged past BOARD_REFRESH_MAX,
 * or a page that arrived while the refresh was under way), so a refresh never
 * shortens a column the user has scrolled down.
 */
export function keepLoadedTail(fresh: BoardData, shown: BoardData): BoardData {
  const seen = new Set(fresh.stages.flatMap((s) => s.cards.map((c) => c.id)));
  return {
    ...fresh,
    stages: fresh.stages.map((stage) => {
      const before = shown.stages.find((s) => s.id === stage.id);
      const last = stage.cards[stage.cards.length - 1];
      if (!before || !stage.nextCursor || !last || before.cards.length <= stage.cards.length) return stage;
      const tail = before.cards.filter((c) => !seen.has(c.id) && compareRanked(c, last) > 0);
      return tail.length ? { ...stage, cards: [...stage.cards, ...tail], nextCursor: before.nextCursor } : stage;
    }),
  };
}

/**
 * A live update: each asked card leaves its place, and comes back where the
 * server says it now stands (its column, in rank order) when the board shows
 * it; a column paged further than the card's rank does not take it (its next
 * page will). The totals are the server's, for every stage.
 */
export function applyLiveCards(
  data: BoardData,
  askedIds: readonly string[],
  update: { cards: { stageId: string; card: BoardCard }[]; totals: Record<string, ColumnTotals> },
): BoardData {
  const asked = new Set(askedIds);
  const incoming = new Map<string, BoardCard[]>();
  for (const { stageId, card } of update.cards) incoming.set(stageId, [...(incoming.get(stageId) ?? []), card]);
  return {
    ...data,
    stages: data.stages.map((stage) => {
      const arriving = (incoming.get(stage.id) ?? []).filter((card) => {
        const last = stage.cards[stage.cards.length - 1];
        return stage.type === "OPEN" && (!stage.nextCursor || !last || compareRanked(card, last) <= 0);
      });
      const kept = stage.cards.filter((c) => !asked.has(c.id));
      const cards = arriving.length || kept.length !== stage.cards.length ? [...kept, ...arriving].sort(compareRanked) : stage.cards;
      return { ...stage, cards, totals: update.totals[stage.id] ?? stage.totals };
    }),
  };
}
