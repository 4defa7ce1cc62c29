// The API list's SQL (api-list.ts, list/filter-sql.ts) against a reference: the
// same filters, sorting and paging as Prisma conditions (how the list was
// built before it moved to SQL). Every filter, every sort in both directions,
// pages inside, across and past the end, for a salesperson (private deals of
// others hidden) and a manager, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { API_SORT_FIELDS, listOpportunitiesForApi, type ApiSortField, type OpportunityApiFilters } from "@/lib/server/opportunities/list/api-list";
import { visibleOpportunities } from "@/lib/server/visibility";
import { demoActors } from "../support/demo-actors";
import { filterReference } from "../support/opportunity-filter-reference";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The API's filters as the opportunity filter they mean (one label as a list). */
function referenceWhere({ label, ...rest }: OpportunityApiFilters): Prisma.OpportunityWhereInput[] {
  return filterReference({ ...rest, labels: label ? [label] : undefined });
}

function referenceOrder(sort: ApiSortField, dir: "asc" | "desc"): Prisma.OpportunityOrderByWithRelationInput[] {
  const first: Prisma.OpportunityOrderByWithRelationInput =
    sort === "amount" ? { baseAmount: dir } : sort === "expectedCloseDate" ? { expectedCloseDate: { sort: dir, nulls: "last" } } : { [sort]: dir };
  return [first, { id: dir }];
}

describe.each(availableKinds())("the API list's SQL on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let world: { pipelineId: string; stageId: string; accountId: string; accountName: string; contactEmail: string; contactLastName: string; updatedAt: Date };

  async function reference(actor: Actor, filters: OpportunityApiFilters, sort: { field: ApiSortField; dir: "asc" | "desc" }, window: { skip: number; take: number }) {
    const where: Prisma.OpportunityWhereInput = { AND: [visibleOpportunities(actor), ...referenceWhere(filters)] };
    const [total, page] = await Promise.all([
      t.db.prisma.opportunity.count({ where }),
      t.db.prisma.opportunity.findMany({ where, select: { id: true }, orderBy: referenceOrder(sort.field, sort.dir), skip: window.skip, take: window.take }),
    ]);
    return { total, ids: page.map((o) => o.id) };
  }

  async function expectSame(actor: Actor, filters: OpportunityApiFilters, sort: { field: ApiSortField; dir: "asc" | "desc" }, window: { skip: number; take: number }) {
    const listed = await listOpportunitiesForApi(actor, filters, sort, window);
    const label = `${actor.email} ${JSON.stringify(filters)} ${sort.dir} ${sort.field} ${JSON.stringify(window)}`;
    expect({ total: listed.total, ids: listed.rows.map((o) => o.id) }, label).toEqual(await reference(actor, filters, sort, window));
    return listed;
  }

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const p = t.db.prisma;
    const some = await p.opportunity.findFirstOrThrow({ where: { accountId: { not: null }, contacts: { some: {} } }, include: { account: true, contacts: { include: { contact: true } } } });
    const contact = some.contacts.find((c) => c.contact.email)!.contact;
    // Ties for every sort (same title, amount, close date and creation time) and missing close dates, so the id tiebreak and NULLS LAST decide.
    const twin = { title: "Twin deal", baseAmount: "500.00", amount: "500.00", expectedCloseDate: day("2027-01-01"), createdAt: new Date("2026-01-01T00:00:00Z"), updatedAt: new Date("2026-01-02T00:00:00Z") };
    for (const isPrivate of [false, false, true]) {
      await p.opportunity.create({
        data: { ...twin, pipelineId: some.pipelineId, stageId: some.stageId, rank: "zz", probability: 10, currencyCode: some.currencyCode, ownerId: actors.bob.id, isPrivate },
      });
    }
    await p.opportunity.updateMany({ where: { title: { startsWith: "A" } }, data: { expectedCloseDate: null } });
    await p.opportunity.create({
      data: { title: "100% sure_thing \\ o'clock", pipelineId: some.pipelineId, stageId: some.stageId, rank: "zy", probability: 10, currencyCode: some.currencyCode, ownerId: actors.alice.id, labels: ["HOT"] },
    });
    world = {
      pipelineId: some.pipelineId,
      stageId: some.stageId,
      accountId: some.accountId!,
      accountName: some.account!.name,
      contactEmail: contact.email!,
      contactLastName: contact.lastName,
      updatedAt: some.updatedAt,
    };
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  it("selects and counts the same rows for every filter, for a salesperson and a manager", async () => {
    const stamp = world.updatedAt.toISOString();
    const filterSets: OpportunityApiFilters[] = [
      {},
      { pipelineId: world.pipelineId },
      { stageId: world.stageId },
      { status: "OPEN" },
      { status: "WON" },
      { status: "LOST" },
      { ownerId: actors.bob.id },
      { ownerId: actors.alice.id, status: "OPEN" },
      { accountId: world.accountId },
      { label: "HOT" },
      { label: "STALLED", pipelineId: world.pipelineId },
      { label: "NOPE" },
      { expectedCloseFrom: "2026-06-01" },
      { expectedCloseTo: "2026-06-01" },
      { expectedCloseFrom: "2026-03-01", expectedCloseTo: "2026-09-30" },
      { updatedSince: stamp },
      // The twins were updated at exactly 00:00:00.000: the instant counts at millisecond precision, as a JS Date holds it.
      { updatedSince: "2026-01-02T00:00:00.0004Z", q: "twin" },
      { updatedSince: "2026-01-02T01:00:00.0009+01:00", q: "twin" },
      { updatedSince: "2020-01-01T02:00:00+02:00" },
      { updatedSince: "2999-01-01T00:00:00Z" },
      { q: "twin" },
      { q: world.accountName.slice(1, 6).toUpperCase() },
      { q: world.contactEmail.split("@")[0] },
      { q: world.contactLastName.toLowerCase() },
      { q: "%" },
      { q: "_" },
      { q: "100%" },
      { q: "\\" },
      { q: "o'clock" },
      { q: "no such text anywhere" },
      { q: "a", status: "OPEN", pipelineId: world.pipelineId, expectedCloseFrom: "2026-01-01" },
    ];
    for (const actor of [actors.alice, actors.manager]) {
      for (const filters of filterSets) {
        await expectSame(actor, filters, { field: "createdAt", dir: "desc" }, { skip: 0, take: 20 });
        await expectSame(actor, filters, { field: "title", dir: "asc" }, { skip: 3, take: 5 });
      }
    }
  });

  it("orders every sort field both ways, ties by id and missing close dates last", async () => {
    for (const actor of [actors.alice, actors.manager]) {
      for (const field of API_SORT_FIELDS) {
        for (const dir of ["asc", "desc"] as const) {
          await expectSame(actor, {}, { field, dir }, { skip: 0, take: 100 });
          await expectSame(actor, {}, { field, dir }, { skip: 100, take: 100 });
          await expectSame(actor, { q: "twin" }, { field, dir }, { skip: 1, take: 2 });
        }
      }
    }
  });

  it("pages like before: a partial last page, and the total past the end", async () => {
    const all = await expectSame(actors.alice, {}, { field: "createdAt", dir: "desc" }, { skip: 0, take: 100 });
    await expectSame(actors.alice, {}, { field: "createdAt", dir: "desc" }, { skip: all.total - 3, take: 50 });
    await expectSame(actors.alice, {}, { field: "createdAt", dir: "desc" }, { skip: all.total, take: 50 });
    const past = await expectSame(actors.alice, { status: "OPEN" }, { field: "amount", dir: "asc" }, { skip: 10_000, take: 10 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBeGreaterThan(0);
    const none = await expectSame(actors.alice, { q: "no such text anywhere" }, { field: "createdAt", dir: "desc" }, { skip: 0, take: 10 });
    expect(none).toEqual({ total: 0, rows: [] });
  });

  it("never lists another salesperson's private deal, whatever the filters", async () => {
    const hidden = await t.db.prisma.opportunity.findMany({
      where: { isPrivate: true, ownerId: { not: actors.alice.id }, members: { none: { userId: actors.alice.id } } },
      select: { id: true },
    });
    expect(hidden.length).toBeGreaterThan(0);
    const listed = await listOpportunitiesForApi(actors.alice, {}, { field: "createdAt", dir: "desc" }, { skip: 0, take: 100 });
    const rest = await listOpportunitiesForApi(actors.alice, {}, { field: "createdAt", dir: "desc" }, { skip: 100, take: 100 });
    const ids = new Set([...listed.rows, ...rest.rows].map((o) => o.id));
    for (const { id } of hidden) expect(ids.has(id)).toBe(false);
    const twins = await listOpportunitiesForApi(actors.alice, { q: "twin", ownerId: actors.bob.id }, { field: "createdAt", dir: "desc" }, { skip: 0, take: 10 });
    expect(twins.total).toBe(2);
  });
});
