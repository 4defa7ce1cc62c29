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
