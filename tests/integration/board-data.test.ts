import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { dec, moneyString } from "@/lib/domain/decimal";
import { ranksForCount } from "@/lib/domain/rank";
import type { Actor } from "@/lib/server/auth/actor";
import { loadBoard, loadBoardTotals, loadColumnPage } from "@/lib/server/board/board";
import { EMPTY_FILTERS, parseBoardFilters, type BoardFilters } from "@/lib/validation/board";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("board data on %s", (kind) => {
  let t: TestDatabase;
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    await seedDemoData(t.db.prisma);
    useDatabase(t.db);
    for (const u of await t.db.prisma.user.findMany()) actors[u.email.split("@")[0]] = { id: u.id, email: u.email, name: u.name, role: u.role };
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  /** The expected totals, summed row by row from the database (what SQL must match). */
  async function expectedTotals(stageId: string, visibleTo: Actor, extra: (o: { ownerId: string; labels: string[] }) => boolean = () => true) {
    const rows = (await t.db.prisma.opportunity.findMany({ where: { stageId }, include: { members: true } })).filter(
      (o) => (visibleTo.role !== "SALES" || !o.isPrivate || o.ownerId === visibleTo.id || o.members.some((m) => m.userId === visibleTo.id)) && extra(o),
    );
    return {
      count: rows.length,
      amount: moneyString(rows.reduce((a, o) => a.plus(o.baseAmount.toString()), dec(0))),
      weighted: moneyString(rows.reduce((a, o) => a.plus(dec(o.baseAmount.toString()).times(o.probability).dividedBy(100)), dec(0))),
    };
  }

  it("shows the default pipeline's stages in order with totals over every visible card", async () => {
    for (const actor of [actors.manager, actors.alice]) {
      const board = await loadBoard(actor, null, EMPTY_FILTERS);
      expect(board.pipeline.name).toBe("Sales");
      expect(board.stages.map((s) => [s.name, s.type])).toEqual([
        ["Lead", "OPEN"], ["Qualified", "OPEN"], ["Proposal", "OPEN"], ["Negotiation", "OPEN"], ["Won", "WON"], ["Lost", "LOST"],
      ]);
      for (const stage of board.stages) {
        expect(stage.totals).toEqual(await expectedTotals(stage.id, actor));
        if (stage.type !== "OPEN") expect(stage.cards).toEqual([]);
      }
      expect(board.lostReasons.length).toBeGreaterThan(0);
      expect(board.baseCurrency).toBe("USD");
    }
  });

  it("never shows alice bob's private cards, in cards or totals", async () => {
    const board = await loadBoard(actors.alice, null, EMPTY_FILTERS);
    const hidden = await t.db.prisma.opportunity.findMany({
      where: { isPrivate: true, ownerId: { not: actors.alice.id }, members: { none: { userId: actors.alice.id } } },
      select: { id: true },
    });
    expect(hidden.length).toBeGreaterThan(0);
    const shown = new Set(board.stages.flatMap((s) => s.cards.map((c) => c.id)));
    for (const h of hidden) expect(shown.has(h.id)).toBe(false);
  });

  it("pages a column of hundreds of cards 50 at a time in board order, without gaps or repeats", async () => {
    const board = await loadBoard(actors.admin, null, EMPTY_FILTERS);
    const lead = board.stages[0];
    const template = await t.db.prisma.opportunity.findFirstOrThrow({ where: { stageId: lead.id } });
    const ranks = ranksForCount(230);
    await t.db.prisma.opportunity.createMany({
      data: ranks.map((rank, k) => ({
        title: `Bulk deal ${k}`, pipelineId: template.pipelineId, stageId: lead.id, rank: `Z${rank}`, probability: 10,
        amount: "100.00", baseAmount: "100.00", currencyCode: "USD", ownerId: actors.bob.id,
      })),
    });
    const all = await t.db.prisma.opportunity.findMany({ where: { stageId: lead.id }, orderBy: [{ rank: "asc" }, { id: "asc" }], select: { id: true } });
    const seen: string[] = [];
    let page = await loadColumnPage(actors.admin, lead.id, EMPTY_FILTERS, null);
    seen.push(...page.cards.map((c) => c.id));
    expect(page.cards).toHaveLength(50);
    while (page.nextCursor) {
      page = await loadColumnPage(actors.admin, lead.id, EMPTY_FILTERS, page.nextCursor);
      seen.push(...page.cards.map((c) => c.id));
    }
    expect(seen).toEqual(all.map((a) => a.id));
    const fresh = await loadBoard(actors.admin, null, EMPTY_FILTERS);
    expect(fresh.stages[0].totals.count).toBe(all.length);
    expect(fresh.stages[0].cards).toHaveLength(50);
    // A refresh of a board scrolled to 130 cards reloads 130, and goes on where they end.
    const refreshed = (await loadBoard(actors.admin, null, EMPTY_FILTERS, { [lead.id]: 130 })).stages[0];
    expect(refreshed.cards.map((c) => c.id)).toEqual(all.slice(0, 130).map((a) => a.id));
    const next = await loadColumnPage(actors.admin, lead.id, EMPTY_FILTERS, refreshed.nextCursor);
    expect(next.cards.map((c) => c.id)).toEqual(all.slice(130, 180).map((a) => a.id));
    const other = (await loadBoard(actors.admin, null, EMPTY_FILTERS, { [lead.id]: 130 })).stages[1];
    expect(other.cards.length).toBeLessThanOrEqual(50);
  });

  it("pages a text-filtered column (the table-scan plan) in board order, without gaps or repeats", async () => {
    const lead = (await loadBoard(actors.admin, null, EMPTY_FILTERS)).stages[0];
    const filters = parseBoardFilters({ q: "BULK deal 1" });
    const expected = await t.db.prisma.opportunity.findMany({
      where: { stageId: lead.id, title: { contains: "bulk deal 1", mode: "insensitive" } },
      orderBy: [{ rank: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(50);
    const seen: string[] = [];
    let page = await loadColumnPage(actors.admin, lead.id, filters, null);
    seen.push(...page.cards.map((c) => c.id));
    while (page.nextCursor) {
      page = await loadColumnPage(actors.admin, lead.id, filters, page.nextCursor);
      seen.push(...page.cards.map((c) => c.id));
    }
    expect(seen).toEqual(expected.map((e) => e.id));
    const board = await loadBoard(actors.admin, null, filters);
    expect(board.stages[0].cards.map((c) => c.id)).toEqual(expected.slice(0, 50).map((e) => e.id));
    const refreshed = await loadBoard(actors.admin, null, filters, { [lead.id]: 60 });
    expect(refreshed.stages[0].cards.map((c) => c.id)).toEqual(expected.slice(0, 60).map((e) => e.id));
  });

  it("builds every card field exactly as the opportunity holds it, editable only where the actor may move it", async () => {
    const board = await loadBoard(actors.alice, null, EMPTY_FILTERS);
    const cards = board.stages.flatMap((s) => s.cards);
    expect(cards.some((c) => c.editable) && cards.some((c) => !c.editable)).toBe(true);
    const rows = await t.db.prisma.opportunity.findMany({
      where: { id: { in: cards.map((c) => c.id) } },
      include: { account: true, owner: true, assignee: true, members: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const card of cards) {
      const o = byId.get(card.id)!;
      expect(card).toEqual({
        id: o.id, title: o.title, accountName: o.account?.name ?? null, amount: o.amount.toFixed(2), currency: o.currencyCode,
        baseAmount: o.baseAmount.toFixed(2), probability: o.probability, ownerId: o.ownerId, ownerName: o.owner.name, assigneeId: o.assigneeId, assigneeName: o.assignee?.name ?? null,
        expectedCloseDate: o.expectedCloseDate ? o.expectedCloseDate.toISOString().slice(0, 10) : null, labels: o.labels,
        stageChangedAt: o.stageChangedAt.toISOString(), isPrivate: o.isPrivate, rank: o.rank, version: o.version, nextActivity: null,
        editable: o.ownerId === actors.alice.id || o.assigneeId === actors.alice.id || o.members.some((m) => m.userId === actors.alice.id),
      });
    }
  });

  it("matches search text literally: LIKE wildcards in it match only themselves", async () => {
    const lead = (await loadBoard(actors.admin, null, EMPTY_FILTERS)).stages[0];
    const template = await t.db.prisma.opportunity.findFirstOrThrow({ where: { stageId: lead.id } });
    await t.db.prisma.opportunity.create({
      data: { ...pick(template), title: "Discount 100% deal", rank: "a0V" },
    });
    const titles = async (q: string) => (await loadBoard(actors.admin, null, parseBoardFilters({ q }))).stages.flatMap((s) => s.cards.map((c) => c.title));
    expect(await titles("100%")).toEqual(["Discount 100% deal"]);
    expect(await titles("%")).toEqual(["Discount 100% deal"]);
    expect(await titles("_")).toEqual([]);
  });

  it("narrows cards and totals by owner, text, labels and close dates", async () => {
    const board = await loadBoard(actors.manager, null, EMPTY_FILTERS);
    const check = async (filters: BoardFilters, keep: (o: { ownerId: string; labels: string[] }) => boolean) => {
      const totals = await loadBoardTotals(actors.manager, board.pipeline.id, filters);
      for (const stage of board.stages) expect(totals[stage.id]).toEqual(await expectedTotals(stage.id, actors.manager, keep));
    };
    await check(parseBoardFilters({ owner: actors.alice.id }), (o) => o.ownerId === actors.alice.id);
    await check(parseBoardFilters({ owner: "me" }), (o) => o.ownerId === actors.manager.id);
    await check(parseBoardFilters({ labels: "HOT,STALLED" }), (o) => o.labels.includes("HOT") || o.labels.includes("STALLED"));

    const mine = await loadBoard(actors.manager, null, parseBoardFilters({ q: "acme" }));
    const cards = mine.stages.flatMap((s) => s.cards);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(`${c.title} ${c.accountName}`.toLowerCase()).toContain("acme");

    const ranged = await loadBoard(actors.manager, null, parseBoardFilters({ closeFrom: "2026-01-01", closeTo: "2026-03-31" }));
    for (const c of ranged.stages.flatMap((s) => s.cards)) {
      expect(c.expectedCloseDate! >= "2026-01-01" && c.expectedCloseDate! <= "2026-03-31").toBe(true);
    }
  });

  it("ignores malformed filters instead of failing", async () => {
    const filters = parseBoardFilters({ closeFrom: "yesterday", labels: "", q: "x".repeat(500) });
    expect(filters).toEqual(EMPTY_FILTERS);
    await expect(loadBoard(actors.admin, "not-a-pipeline", EMPTY_FILTERS)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

/** The columns a copy of a card needs (its place and money), for creating test cards. */
function pick(o: { pipelineId: string; stageId: string; probability: number; currencyCode: string; ownerId: string }) {
  return { pipelineId: o.pipelineId, stageId: o.stageId, probability: o.probability, currencyCode: o.currencyCode, ownerId: o.ownerId, amount: "10.00", baseAmount: "10.00" };
}
