// The Opportunities table shows each user exactly the opportunities they may see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { loadActiveActor, type Actor } from "@/lib/server/auth/actor";
import { listOpportunityTable } from "@/lib/server/opportunities/list/table";
import type { Prisma } from "@/lib/db/generated/client";
import { OPPORTUNITY_SORT_FIELDS, parseOpportunityTableQuery, type OpportunitySortField } from "@/lib/validation/opportunity-list";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

/** The table's orders as Prisma writes them (how the table sorted before it moved to SQL). */
const PRISMA_ORDER: Record<OpportunitySortField, (dir: "asc" | "desc") => Prisma.OpportunityOrderByWithRelationInput[]> = {
  title: (dir) => [{ title: dir }],
  account: (dir) => [{ account: { name: dir } }],
  stage: (dir) => [{ pipeline: { position: dir } }, { stage: { position: dir } }],
  amount: (dir) => [{ baseAmount: dir }],
  owner: (dir) => [{ owner: { name: dir } }],
  expectedCloseDate: (dir) => [{ expectedCloseDate: { sort: dir, nulls: "last" } }],
  createdAt: (dir) => [{ createdAt: dir }],
  // No deal of this test has an activity: all tie, by id (tests/integration/activities-notes.test.ts orders real ones).
  nextActivity: () => [],
};

describe.each(availableKinds())("opportunity table on %s", (kind) => {
  let t: TestDatabase;
  const actors: Record<string, Actor> = {};
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    for (const u of await t.db.prisma.user.findMany()) actors[u.email.split("@")[0]] = (await loadActiveActor(u.id))!;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  async function allTitles(actor: Actor) {
    const page = await listOpportunityTable(actor, parseOpportunityTableQuery({ pageSize: "100" }));
    const second = await listOpportunityTable(actor, parseOpportunityTableQuery({ pageSize: "100", page: "2" }));
    return { total: page.total, ids: new Set([...page.rows, ...second.rows].map((r) => r.id)) };
  }

  it("shows a salesperson their own and public deals, never a colleague's private ones", async () => {
    const p = t.db.prisma;
    const bobPrivate = await p.opportunity.findMany({
      where: { ownerId: actors.bob.id, isPrivate: true, members: { none: { userId: actors.alice.id } } },
      select: { id: true },
    });
    expect(bobPrivate.length).toBeGreaterThan(0);
    const expected = await p.opportunity.count({
      where: { OR: [{ isPrivate: false }, { ownerId: actors.alice.id }, { members: { some: { userId: actors.alice.id } } }] },
    });
    const { total, ids } = await allTitles(actors.alice);
    expect(total).toBe(expected);
    expect(ids.size).toBe(expected);
    for (const o of bobPrivate) expect(ids.has(o.id)).toBe(false);
    const alicePrivate = await p.opportunity.findMany({ where: { ownerId: actors.alice.id, isPrivate: true }, select: { id: true } });
    for (const o of alicePrivate) expect(ids.has(o.id)).toBe(true);
  });

  it("lets a member see a private deal they work on", async () => {
    const p = t.db.prisma;
    const deal = await p.opportunity.findFirstOrThrow({ where: { ownerId: actors.bob.id, isPrivate: true } });
    expect((await allTitles(actors.alice)).ids.has(deal.id)).toBe(false);
    await p.opportunityMember.create({ data: { opportunityId: deal.id, userId: actors.alice.id } });
    expect((await allTitles(actors.alice)).ids.has(deal.id)).toBe(true);
    await p.opportunityMember.delete({ where: { opportunityId_userId: { opportunityId: deal.id, userId: actors.alice.id } } });
  });

  it("shows managers and admins everything", async () => {
    for (const who of ["manager", "admin"]) expect((await allTitles(actors[who])).total).toBe(150);
  });

  it("sorts by amount in the base currency and paginates without overlap", async () => {
    const q = parseOpportunityTableQuery({ sort: "amount", dir: "desc", pageSize: "25" });
    const first = await listOpportunityTable(actors.manager, q);
    const second = await listOpportunityTable(actors.manager, { ...q, page: 2 });
    expect(first.pageCount).toBe(6);
    const ids = new Set(first.rows.map((r) => r.id));
    expect(second.rows.some((r) => ids.has(r.id))).toBe(false);
    const base = await t.db.prisma.opportunity.findMany({ where: { id: { in: [...ids] } }, select: { id: true, baseAmount: true } });
    const byId = new Map(base.map((b) => [b.id, b.baseAmount]));
    const amounts = first.rows.map((r) => byId.get(r.id)!);
    for (let i = 1; i < amounts.length; i++) expect(amounts[i - 1].gte(amounts[i])).toBe(true);
  });

  it("orders every sort field both ways as Prisma's relation ordering does, ties by id", async () => {
    // Ties and gaps: a deal without an account and one without a close date.
    await t.db.prisma.opportunity.updateMany({ where: { title: { startsWith: "B" } }, data: { accountId: null, expectedCloseDate: null } });
    for (const sort of OPPORTUNITY_SORT_FIELDS) {
      for (const dir of ["asc", "desc"] as const) {
        const pages = await Promise.all(["1", "2"].map((page) => listOpportunityTable(actors.alice, parseOpportunityTableQuery({ sort, dir, page, pageSize: "100" }))));
        const expected = await t.db.prisma.opportunity.findMany({
          where: { OR: [{ isPrivate: false }, { ownerId: actors.alice.id }, { members: { some: { userId: actors.alice.id } } }] },
          orderBy: [...PRISMA_ORDER[sort](dir), { id: dir }],
          select: { id: true },
        });
        expect(pages.flatMap((p) => p.rows.map((r) => r.id)), `${sort} ${dir}`).toEqual(expected.map((o) => o.id));
      }
    }
  });

  it("clamps an out-of-range page and ignores malformed URL values", async () => {
    const q = parseOpportunityTableQuery({ sort: "passwordHash", dir: "sideways", page: "9999", pageSize: "7" });
    expect(q).toMatchObject({ sort: "createdAt", dir: "desc", pageSize: 25 });
    const page = await listOpportunityTable(actors.alice, q);
    expect(page.page).toBe(page.pageCount);
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it("computes weighted amounts as decimal strings", async () => {
    const { rows } = await listOpportunityTable(actors.manager, parseOpportunityTableQuery({ pageSize: "100" }));
    for (const r of rows) {
      expect(r.amount).toMatch(/^\d+\.\d{2}$/);
      expect(r.weightedAmount).toMatch(/^\d+\.\d{2}$/);
    }
  });
});
