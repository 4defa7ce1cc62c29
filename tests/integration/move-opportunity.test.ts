import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { compareRanked, ranksForCount } from "@/lib/domain/rank";
import type { Actor } from "@/lib/server/auth/actor";
import { AppError } from "@/lib/server/errors";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("moveOpportunity on %s", (kind) => {
  let t: TestDatabase;
  const actors: Record<string, Actor> = {};
  const stages: Record<string, string> = {};

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    await seedDemoData(t.db.prisma);
    useDatabase(t.db);
    for (const u of await t.db.prisma.user.findMany()) actors[u.email.split("@")[0]] = { id: u.id, email: u.email, name: u.name, role: u.role };
    const sales = await t.db.prisma.stage.findMany({ where: { pipeline: { name: "Sales" } } });
    for (const s of sales) stages[s.name] = s.id;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const column = async (stageId: string) =>
    (await t.db.prisma.opportunity.findMany({ where: { stageId }, select: { id: true, rank: true } })).sort(compareRanked);

  async function versions() {
    const rows = await t.db.prisma.opportunity.findMany({ select: { id: true, version: true, rank: true } });
    return new Map(rows.map((r) => [r.id, `${r.version}:${r.rank}`]));
  }

  async function changedIds(before: Map<string, string>) {
    const after = await versions();
    return [...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);
  }

  async function errorOf(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("reorders inside a column: one row changes, no history row, version bumped", async () => {
    const lead = await column(stages.Lead);
    const card = lead[0];
    const before = await versions();
    const history = await t.db.prisma.stageChange.count();
    const moved = await moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Lead, beforeId: lead[2].id, afterId: lead[3].id });
    const after = await column(stages.Lead);
    expect(after.map((c) => c.id).slice(0, 3)).toEqual([lead[1].id, lead[2].id, card.id]);
    expect(moved.stageChanged).toBe(false);
    expect(await changedIds(before)).toEqual([card.id]);
    expect(await t.db.prisma.stageChange.count()).toBe(history);
  });

  it("moves across columns: stage probability, stageChangedAt and exactly one StageChange row", async () => {
    const lead = await column(stages.Lead);
    const proposal = await column(stages.Proposal);
    const target = await t.db.prisma.opportunity.findFirstOrThrow({ where: { id: lead[1].id } });
    const before = await versions();
    const history = await t.db.prisma.stageChange.count();
    const moved = await moveOpportunity(actors.manager, { opportunityId: target.id, stageId: stages.Proposal, beforeId: proposal[0].id, afterId: proposal[1].id });
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.stageId).toBe(stages.Proposal);
    expect(row.status).toBe("OPEN");
    expect(row.probability).toBe(target.probabilityOverridden ? target.probability : 50);
    expect(row.version).toBe(target.version + 1);
    expect(row.stageChangedAt.getTime()).toBeGreaterThan(target.stageChangedAt.getTime());
    expect((await column(stages.Proposal)).map((c) => c.id).slice(0, 3)).toEqual([proposal[0].id, target.id, proposal[1].id]);
    expect(moved).toMatchObject({ stageId: stages.Proposal, stageChanged: true, version: target.version + 1 });
    expect(await changedIds(before)).toEqual([target.id]);
    expect(await t.db.prisma.stageChange.count()).toBe(history + 1);
    const change = await t.db.prisma.stageChange.findFirstOrThrow({ where: { opportunityId: target.id }, orderBy: { changedAt: "desc" } });
    expect(change).toMatchObject({ fromStageId: stages.Lead, toStageId: stages.Proposal, fromStatus: "OPEN", toStatus: "OPEN", changedById: actors.manager.id });
  });

  it("wins a deal: status WON, probability 100, closed today", async () => {
    const [card] = await column(stages.Negotiation);
    const moved = await moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Won });
    expect(moved).toMatchObject({ status: "WON", probability: 100, forecastCategory: "CLOSED", actualCloseDate: new Date().toISOString().slice(0, 10) });
  });

  it("refuses a lost move without a reason and records one with it", async () => {
    const [card] = await column(stages.Qualified);
    const before = await versions();
    const error = await errorOf(moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Lost }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields).toHaveProperty("lostReasonId");
    expect(await changedIds(before)).toEqual([]);
    const reason = await t.db.prisma.lostReason.findFirstOrThrow({ where: { name: "Price too high" } });
    const moved = await moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Lost, lostReasonId: reason.id, lostNote: " Too pricey ", competitor: "Zoho" });
    expect(moved).toMatchObject({ status: "LOST", probability: 0, lostReasonId: reason.id });
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    expect([row.lostNote, row.competitor, row.forecastCategory]).toEqual(["Too pricey", "Zoho", "OMITTED"]);
    // Reopening clears the loss.
    const reopened = await moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Lead });
    expect(reopened).toMatchObject({ status: "OPEN", lostReasonId: null, actualCloseDate: null });
  });

  it("names the field of bad input and of unknown stages", async () => {
    const [card] = await column(stages.Lead);
    expect((await errorOf(moveOpportunity(actors.admin, { opportunityId: card.id, stageId: "" }))).fields).toHaveProperty("stageId");
    expect((await errorOf(moveOpportunity(actors.admin, { opportunityId: card.id, stageId: "nope" }))).fields).toHaveProperty("stageId");
    expect((await errorOf(moveOpportunity(actors.admin, { opportunityId: "missing", stageId: stages.Lead }))).code).toBe("NOT_FOUND");
  });

  it("refuses a stale expectedVersion with a clear message and changes nothing", async () => {
    const [card] = await column(stages.Lead);
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    const before = await versions();
    const error = await errorOf(moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Qualified, expectedVersion: row.version + 1 }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(row.title);
    expect(await changedIds(before)).toEqual([]);
  });

  it("applies concurrent moves of different cards into the same gap without losing one", async () => {
    const lead = await column(stages.Lead);
    const proposal = await column(stages.Proposal);
    const cards = lead.slice(0, 8);
    const results = await Promise.allSettled(
      cards.map((c) => moveOpportunity(actors.admin, { opportunityId: c.id, stageId: stages.Proposal, beforeId: proposal[0].id, afterId: proposal[1].id })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const after = await column(stages.Proposal);
    expect(after).toHaveLength(proposal.length + 8);
    const ids = after.map((c) => c.id);
    expect(ids[0]).toBe(proposal[0].id);
    expect(new Set(ids.slice(1, 9))).toEqual(new Set(cards.map((c) => c.id)));
    expect(ids[9]).toBe(proposal[1].id);
  });

  it("serialises concurrent moves of one card: both apply without expectedVersion, one is refused with it", async () => {
    const [card] = await column(stages.Lead);
    const start = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    const history = await t.db.prisma.stageChange.count({ where: { opportunityId: card.id } });
    const both = await Promise.all([
      moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Qualified }),
      moveOpportunity(actors.manager, { opportunityId: card.id, stageId: stages.Negotiation }),
    ]);
    const end = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    expect(end.version).toBe(start.version + 2);
    expect(both.map((m) => m.version).sort()).toEqual([start.version + 1, start.version + 2]);
    expect(end.stageId).toBe(both.find((m) => m.version === end.version)!.stageId);
    expect(await t.db.prisma.stageChange.count({ where: { opportunityId: card.id } })).toBe(history + 2);

    const racing = await Promise.allSettled([
      moveOpportunity(actors.admin, { opportunityId: card.id, stageId: stages.Lead, expectedVersion: end.version }),
      moveOpportunity(actors.manager, { opportunityId: card.id, stageId: stages.Proposal, expectedVersion: end.version }),
    ]);
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = racing.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe("CONFLICT");
    expect((await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } })).version).toBe(end.version + 1);
  });

  it("keeps keys short when hundreds of cards are dropped into the same gap", async () => {
    const negotiation = await column(stages.Negotiation);
    const [top, ...rest] = negotiation;
    const pool = [...rest, ...(await column(stages.Proposal))];
    let longest = 0;
    for (let k = 0; k < 400; k++) {
      // Always just below the top card: each drop halves the same gap.
      const moved = await moveOpportunity(actors.admin, { opportunityId: pool[k % pool.length].id, stageId: stages.Negotiation, beforeId: top.id });
      longest = Math.max(longest, moved.rank.length);
      expect((await column(stages.Negotiation))[1].id).toBe(moved.id);
    }
    expect(longest).toBeLessThanOrEqual(48);
    const keys = (await column(stages.Negotiation)).map((c) => c.rank);
    expect(Math.max(...keys.map((r) => r.length))).toBeLessThan(64);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives 50 parallel drops into one gap distinct keys, and lands a later drop between any two neighbours exactly there", async () => {
    const sales = await t.db.prisma.pipeline.findFirstOrThrow({ where: { name: "Sales" } });
    const parking = await t.db.prisma.stage.create({ data: { pipelineId: sales.id, name: "Parking", position: 90, probability: 10, type: "OPEN", color: "#888888" } });
    const template = await t.db.prisma.opportunity.findFirstOrThrow({ where: { stageId: stages.Lead } });
    const keys = ranksForCount(51);
    await t.db.prisma.opportunity.createMany({
      data: keys.map((rank, k) => ({ title: `Parked ${k}`, pipelineId: sales.id, stageId: parking.id, rank, probability: 10, currencyCode: template.currencyCode, ownerId: template.ownerId })),
    });
    const [probe, ...parked] = await column(parking.id);
    const [top, below] = await column(stages.Qualified);
    const moved = await Promise.all(
      parked.map((c) => moveOpportunity(actors.admin, { opportunityId: c.id, stageId: stages.Qualified, beforeId: top.id, afterId: below.id })),
    );
    expect(moved).toHaveLength(50);
    const after = await column(stages.Qualified);
    expect(new Set(after.map((c) => c.rank)).size).toBe(after.length);
    expect(after[0].id).toBe(top.id);
    expect(new Set(after.slice(1, 51).map((c) => c.id))).toEqual(new Set(parked.map((c) => c.id)));
    expect(after[51].id).toBe(below.id);

    // Between every two neighbours, top to bottom: the probe lands exactly there.
    for (let k = 0; k + 1 < after.length; k++) {
      const landed = await moveOpportunity(actors.admin, { opportunityId: probe.id, stageId: stages.Qualified, beforeId: after[k].id, afterId: after[k + 1].id });
      const ids = (await column(stages.Qualified)).map((c) => c.id);
      expect(ids.indexOf(probe.id), `between ${k} and ${k + 1}`).toBe(ids.indexOf(after[k].id) + 1);
      expect(ids[ids.indexOf(probe.id) + 1]).toBe(after[k + 1].id);
      expect(landed.rank).toBe((await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: probe.id } })).rank);
    }
    const keysNow = (await column(stages.Qualified)).map((c) => c.rank);
    expect(new Set(keysNow).size).toBe(keysNow.length);
  });

  it("lands a drop between two cards that share a key exactly between them (the column is re-keyed first)", async () => {
    const cards = await column(stages.Negotiation);
    const [a, b, c] = cards;
    await t.db.prisma.opportunity.updateMany({ where: { id: { in: [b.id, c.id] } }, data: { rank: a.rank } });
    const tied = await column(stages.Negotiation);
    const [first, second] = tied.filter((x) => [a.id, b.id, c.id].includes(x.id)).slice(1);
    const [probe] = await column(stages.Lead);
    await moveOpportunity(actors.admin, { opportunityId: probe.id, stageId: stages.Negotiation, beforeId: first.id, afterId: second.id });
    const ids = (await column(stages.Negotiation)).map((x) => x.id);
    expect(ids.indexOf(probe.id)).toBe(ids.indexOf(first.id) + 1);
    expect(ids.indexOf(second.id)).toBe(ids.indexOf(probe.id) + 1);
    const keys = (await column(stages.Negotiation)).map((x) => x.rank);
    expect(new Set(keys).size).toBe(keys.length);
    // From below: anchored on the lower card only, among ties again.
    await t.db.prisma.opportunity.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { rank: (await column(stages.Negotiation))[0].rank } });
    const again = (await column(stages.Negotiation)).filter((x) => [first.id, second.id].includes(x.id));
    const [other] = await column(stages.Lead);
    await moveOpportunity(actors.admin, { opportunityId: other.id, stageId: stages.Negotiation, beforeId: null, afterId: again[1].id });
    const order = (await column(stages.Negotiation)).map((x) => x.id);
    expect(order.indexOf(again[1].id)).toBe(order.indexOf(other.id) + 1);
    expect(order.indexOf(other.id)).toBe(order.indexOf(again[0].id) + 1);
  });

  it("applies 20 parallel moves of one card without a version, each on top of the last", async () => {
    const [card] = await column(stages.Lead);
    const start = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    const targets = [stages.Qualified, stages.Proposal, stages.Negotiation, stages.Lead];
    const moves = await Promise.allSettled(Array.from({ length: 20 }, (_, k) => moveOpportunity(actors.admin, { opportunityId: card.id, stageId: targets[k % 4] })));
    expect(moves.filter((m) => m.status === "rejected")).toEqual([]);
    const end = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    expect(end.version).toBe(start.version + 20);
  });

  it("lets a SALES user move only cards they may edit, and hides others' private cards", async () => {
    const bobsPublic = await t.db.prisma.opportunity.findFirstOrThrow({
      where: { owner: { email: "bob@example.com" }, isPrivate: false, status: "OPEN", members: { none: { user: { email: "alice@example.com" } } } },
    });
    const before = await versions();
    const refused = await errorOf(moveOpportunity(actors.alice, { opportunityId: bobsPublic.id, stageId: stages.Proposal }));
    expect(refused.code).toBe("FORBIDDEN");
    const bobsPrivate = await t.db.prisma.opportunity.findFirstOrThrow({
      where: { owner: { email: "bob@example.com" }, isPrivate: true, members: { none: { user: { email: "alice@example.com" } } } },
    });
    expect((await errorOf(moveOpportunity(actors.alice, { opportunityId: bobsPrivate.id, stageId: stages.Proposal }))).code).toBe("NOT_FOUND");
    expect(await changedIds(before)).toEqual([]);

    const alices = await t.db.prisma.opportunity.findFirstOrThrow({ where: { owner: { email: "alice@example.com" }, status: "OPEN" } });
    const moved = await moveOpportunity(actors.alice, { opportunityId: alices.id, stageId: stages.Negotiation });
    expect(moved.stageId).toBe(stages.Negotiation);
    const bobsShared = await t.db.prisma.opportunity.findFirst({
      where: { owner: { email: "bob@example.com" }, status: "OPEN", members: { some: { user: { email: "alice@example.com" } } } },
    });
    if (bobsShared) expect((await moveOpportunity(actors.alice, { opportunityId: bobsShared.id, stageId: stages.Lead })).stageId).toBe(stages.Lead);
  });
});
