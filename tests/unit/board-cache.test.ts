import { describe, expect, it } from "vitest";
import { appendPage, applyLiveCards, applyMove, findCard, keepLoadedTail, loadedCounts, withTotals } from "@/components/board/board-cache";
import type { BoardData, BoardStage } from "@/lib/server/board/board";
import type { BoardCard } from "@/lib/server/board/cards";
import { BOARD_REFRESH_MAX, loadedCountsParam, parseLoadedCounts } from "@/lib/validation/board";

const card = (id: string, baseAmount: string, probability: number): BoardCard => ({
  id, title: id, accountName: null, amount: baseAmount, currency: "USD", baseAmount, probability, ownerId: "u", ownerName: "U", assigneeId: null, assigneeName: null,
  expectedCloseDate: null, labels: [], stageChangedAt: "2026-01-01T00:00:00.000Z", isPrivate: false, rank: id, version: 1, editable: true, nextActivity: null,
});

const stage = (id: string, type: BoardStage["type"], probability: number, cards: BoardCard[], totals = { count: cards.length, amount: "0.00", weighted: "0.00" }): BoardStage => ({
  id, name: id, type, color: "#000", probability, rottingDays: null, totals, cards, nextCursor: null,
});

const board = (): BoardData => ({
  pipeline: { id: "p", name: "P" }, pipelines: [], baseCurrency: "USD", owners: [], labels: [], lostReasons: [],
  stages: [
    stage("lead", "OPEN", 10, [card("a", "100.00", 10), card("b", "200.10", 10), card("c", "300.00", 10)], { count: 3, amount: "600.10", weighted: "60.01" }),
    stage("won", "WON", 100, [], { count: 1, amount: "50.00", weighted: "50.00" }),
    stage("proposal", "OPEN", 50, [card("d", "10.00", 50)], { count: 1, amount: "10.00", weighted: "5.00" }),
  ],
});

describe("board cache updates", () => {
  it("reorders inside a column without touching totals", () => {
    const next = applyMove(board(), { cardId: "a", toStageId: "lead", index: 2 });
    expect(next.stages[0].cards.map((c) => c.id)).toEqual(["b", "c", "a"]);
    expect(next.stages[0].totals).toEqual(board().stages[0].totals);
  });

  it("moves a card across columns with its amount and the target's probability, in exact decimals", () => {
    const next = applyMove(board(), { cardId: "b", toStageId: "proposal", index: 0 });
    expect(next.stages[0].cards.map((c) => c.id)).toEqual(["a", "c"]);
    expect(next.stages[2].cards.map((c) => [c.id, c.probability])).toEqual([["b", 50], ["d", 50]]);
    expect(next.stages[0].totals).toEqual({ count: 2, amount: "400.00", weighted: "40.00" });
    expect(next.stages[2].totals).toEqual({ count: 2, amount: "210.10", weighted: "105.05" });
  });

  it("takes a won card off the board and counts it in Won", () => {
    const next = applyMove(board(), { cardId: "c", toStageId: "won", index: 0 });
    expect(findCard(next, "c")).toBeNull();
    expect(next.stages[1].totals).toEqual({ count: 2, amount: "350.00", weighted: "350.00" });
  });

  it("leaves the board alone for an unknown card, and replaces totals with the server's", () => {
    const data = board();
    expect(applyMove(data, { cardId: "zz", toStageId: "lead", index: 0 })).toBe(data);
    const next = withTotals(data, { lead: { count: 9, amount: "1.00", weighted: "0.10" } });
    expect(next.stages[0].totals.count).toBe(9);
    expect(next.stages[2].totals).toBe(data.stages[2].totals);
  });

  it("appends a page without repeating cards already on the board", () => {
    const next = appendPage(board(), "lead", [card("d", "1.00", 10), card("e", "1.00", 10)], "cursor");
    expect(next.stages[0].cards.map((c) => c.id)).toEqual(["a", "b", "c", "e"]);
    expect(next.stages[0].nextCursor).toBe("cursor");
  });

  describe("a refresh of a column paged past its first page", () => {
    const column = (n: number, from = 0) => Array.from({ length: n }, (_, k) => card(`k${String(from + k).padStart(4, "0")}`, "1.00", 10));
    const paged = (cards: BoardCard[], nextCursor: string | null): BoardData => ({ ...board(), stages: [{ ...stage("lead", "OPEN", 10, cards), nextCursor }, board().stages[2]] });

    it("asks for as many cards as each paged column shows, capped", () => {
      expect(loadedCounts(paged(column(120), "x"))).toEqual({ lead: 120 });
      expect(loadedCounts(board())).toEqual({});
      expect(loadedCounts(paged(column(BOARD_REFRESH_MAX + 5), "x"))).toEqual({ lead: BOARD_REFRESH_MAX });
    });

    it("keeps the cards shown beyond the refreshed ones, without repeating a card that moved", () => {
      const shown = paged(column(150), "after-150");
      const fresh = paged(column(100), "after-100");
      fresh.stages[1] = { ...fresh.stages[1], cards: [...fresh.stages[1].cards, card("k0120", "1.00", 50)] }; // moved meanwhile
      const kept = keepLoadedTail(fresh, shown);
      expect(kept.stages[0].cards).toHaveLength(149);
      expect(kept.stages[0].cards.map((c) => c.id)).not.toContain("k0120");
      expect(kept.stages[0].nextCursor).toBe("after-150");
      expect(keepLoadedTail(paged(column(150), "after-150"), shown)).toEqual(paged(column(150), "after-150"));
      expect(keepLoadedTail(paged(column(40), null), shown).stages[0].cards).toHaveLength(40);
    });

    it("reads the loaded counts from the URL, ignoring malformed entries", () => {
      expect(parseLoadedCounts(loadedCountsParam({ a1: 120, "b-2": 99999999 }))).toEqual({ a1: 120 });
      expect(parseLoadedCounts("a1:120,b-2:5000,bad,c:x,:4")).toEqual({ a1: 120, "b-2": BOARD_REFRESH_MAX });
      expect(parseLoadedCounts(null)).toEqual({});
    });
  });
});

describe("live updates of the board", () => {
  const totals = { lead: { count: 2, amount: "1.00", weighted: "0.10" }, won: { count: 2, amount: "2.00", weighted: "2.00" }, proposal: { count: 2, amount: "3.00", weighted: "1.50" } };

  it("moves a changed card to its column in rank order, takes the server's totals and leaves the other cards as they were", () => {
    const before = board();
    const moved = { ...card("b", "200.10", 50), rank: "d0", version: 2 };
    const next = applyLiveCards(before, ["b"], { cards: [{ stageId: "proposal", card: moved }], totals });
    expect(next.stages[0].cards.map((c) => c.id)).toEqual(["a", "c"]);
    expect(next.stages[2].cards.map((c) => [c.id, c.version])).toEqual([["d", 1], ["b", 2]]);
    expect(next.stages.map((s) => s.totals)).toEqual([totals.lead, totals.won, totals.proposal]);
    expect(next.stages[0].cards[0]).toBe(before.stages[0].cards[0]);
  });

  it("drops a card the user may no longer see (not returned) and adds a new one", () => {
    const next = applyLiveCards(board(), ["c", "new"], { cards: [{ stageId: "lead", card: card("aa", "5.00", 10) }], totals });
    expect(next.stages[0].cards.map((c) => c.id)).toEqual(["a", "aa", "b"]);
  });

  it("never adds a card to a closed stage, nor past the loaded part of a paged column", () => {
    const paged = board();
    paged.stages[0] = { ...paged.stages[0], nextCursor: "c~c" };
    const next = applyLiveCards(paged, ["z", "bb", "w"], {
      cards: [{ stageId: "lead", card: card("z", "1.00", 10) }, { stageId: "lead", card: card("bb", "1.00", 10) }, { stageId: "won", card: card("w", "1.00", 100) }],
      totals,
    });
    expect(next.stages[0].cards.map((c) => c.id)).toEqual(["a", "b", "bb", "c"]);
    expect(next.stages[1].cards).toEqual([]);
  });
});
