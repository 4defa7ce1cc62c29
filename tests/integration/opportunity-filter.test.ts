// The one opportunity filter (lib/server/opportunities/list/filter-sql.ts):
// every filter against a reference written as Prisma conditions, for a
// salesperson (private deals of others hidden) and a manager; then the same
// search through each consumer (board, table page, CSV export, API list),
// which must all list the same opportunities, on both databases.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { loadBoard } from "@/lib/server/board/board";
import { listOpportunitiesForApi } from "@/lib/server/opportunities/list/api-list";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/list/export";
import { opportunityFilterSql, type OpportunityFilter } from "@/lib/server/opportunities/list/filter-sql";
import { listOpportunityTable } from "@/lib/server/opportunities/list/table";
import { visibleOpportunities } from "@/lib/server/visibility";
import { parseBoardFilters } from "@/lib/validation/board";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { demoActors } from "../support/demo-actors";
import { filterReference } from "../support/opportunity-filter-reference";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("the opportunity filter on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let world: { boardPipelineId: string; pipelineId: string; stageId: string; accountId: string; accountName: string; contactEmail: string; contactLastName: string; externalId: string };
  /** The search every consumer must agree on, and the deals it must (and must not) find. */
  const SEARCH = "5%_x\\";
  const literal: string[] = [];
  const wildcardOnly: string[] = [];

  const filtered = async (actor: Actor, f: OpportunityFilter) =>
    (await t.db.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT o."id" FROM "Opportunity" o WHERE ${opportunityFilterSql(actor, f)}`)).map((r) => r.id).sort();
  const expected = async (actor: Actor, f: OpportunityFilter) =>
    (await t.db.prisma.opportunity.findMany({ where: { AND: [visibleOpportunities(actor), ...filterReference(f)] }, select: { id: true } })).map((r) => r.id).sort();

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const p = t.db.prisma;
    const some = await p.opportunity.findFirstOrThrow({ where: { accountId: { not: null }, contacts: { some: {} } }, include: { account: true, contacts: { include: { contact: true } } } });
    const contact = some.contacts.find((c) => c.contact.email)!.contact;
    await p.opportunity.update({ where: { id: some.id }, data: { externalId: "erp-42" } });
    const lead = await p.stage.findFirstOrThrow({ where: { name: "Lead", pipeline: { isDefault: true } } });
    const deal = (title: string, extra: Partial<Prisma.OpportunityUncheckedCreateInput> = {}) =>
      p.opportunity.create({ data: { title, pipelineId: lead.pipelineId, stageId: lead.id, rank: "zz", probability: 10, currencyCode: "USD", ownerId: actors.alice.id, ...extra } });
    // Found by the search, literally: in the title, the account's name and a contact's last name.
    const account = await p.account.create({ data: { name: `Shop ${SEARCH} Ltd` } });
    const person = await p.contact.create({ data: { firstName: "Rae", lastName: `Ro${SEARCH}o`, email: "rae@example.org" } });
    literal.push((await deal(`Promo ${SEARCH} bundle`)).id, (await deal("Matched by its account", { accountId: account.id })).id);
    const byContact = await deal("Matched by its contact");
    await p.opportunityContact.create({ data: { opportunityId: byContact.id, contactId: person.id, isPrimary: true } });
    literal.push(byContact.id);
    // Found only if % and _ were wildcards (and the backslash an escape).
    wildcardOnly.push((await deal("Promo 5%Zx\\ bundle")).id, (await deal("55 and x\\ too")).id);
    world = { boardPipelineId: lead.pipelineId, pipelineId: some.pipelineId, stageId: some.stageId, accountId: some.accountId!, accountName: some.account!.name, contactEmail: contact.email!, contactLastName: contact.lastName, externalId: "erp-42" };
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  it("selects exactly what each filter means, within what the actor may see", async () => {
    const won = await t.db.prisma.opportunity.findFirstOrThrow({ where: { status: "WON", actualCloseDate: { not: null } } });
    const wonDay = won.actualCloseDate!.toISOString().slice(0, 10);
    const filters: OpportunityFilter[] = [
      {},
      { pipelineId: world.pipelineId },
      { stageId: world.stageId },
      { status: "OPEN" },
      { status: "LOST" },
      { ownerId: actors.bob.id },
      { accountId: world.accountId },
      { labels: ["HOT"] },
      { labels: ["HOT", "STALLED"] },
      { labels: ["NOPE"] },
      { closeFrom: "2026-06-01" },
      { closeTo: "2026-06-01" },
      { closeFrom: "2026-03-01", closeTo: "2026-09-30" },
      { closeFrom: wonDay, closeTo: wonDay },
      { expectedCloseFrom: "2026-03-01", expectedCloseTo: "2026-09-30" },
      { updatedSince: "2020-01-01T02:00:00+02:00" },
      { forecastCategory: "COMMIT" },
      { field: "decisionProcess:Committee" },
      { field: "decisionProcess:committee" },
      { q: "acme" },
      { q: world.accountName.slice(1, 6).toUpperCase() },
      { q: world.contactEmail.split("@")[0] },
      { q: world.contactLastName.toLowerCase() },
      { q: world.externalId },
      { q: "ERP-42" },
      { q: "%" },
      { q: "_" },
      { q: "\\" },
      { q: SEARCH },
      { q: "a", status: "OPEN", pipelineId: world.pipelineId, closeFrom: "2026-01-01", labels: ["HOT", "PRIORITY"] },
    ];
    for (const actor of [actors.alice, actors.manager]) {
      for (const f of filters) expect(await filtered(actor, f), `${actor.email} ${JSON.stringify(f)}`).toEqual(await expected(actor, f));
    }
    // A won deal counts by the day it closed, not by the day it was expected to.
    expect(await filtered(actors.manager, { closeFrom: wonDay, closeTo: wonDay })).toContain(won.id);
    expect(await filtered(actors.manager, { q: world.externalId })).not.toHaveLength(0);
    expect(await filtered(actors.manager, { q: "ERP-42" })).toEqual([]);
  });

  it("finds the same opportunities on the board, in the table and its export, and through the API for a search with % and _", async () => {
    const want = [...literal].sort();
    expect(await filtered(actors.manager, { q: SEARCH })).toEqual(want);

    const board = await loadBoard(actors.manager, world.boardPipelineId, parseBoardFilters({ q: SEARCH }));
    const onBoard = board.stages.flatMap((s) => s.cards.map((c) => c.id)).sort();
    const table = (await listOpportunityTable(actors.manager, parseOpportunityTableQuery({ q: SEARCH, pageSize: "100" }))).rows.map((r) => r.id).sort();
    const csv = Papa.parse<{ id: string }>(await exportOpportunitiesCsv(actors.manager, { q: SEARCH }, "createdAt", "desc"), { header: true, skipEmptyLines: true });
    const api = (await listOpportunitiesForApi(actors.manager, { q: SEARCH }, { field: "createdAt", dir: "desc" }, { skip: 0, take: 100 })).rows.map((o) => o.id).sort();

    expect({ board: onBoard, table, export: csv.data.map((r) => r.id).sort(), api }).toEqual({ board: want, table: want, export: want, api: want });
    for (const id of wildcardOnly) expect(onBoard).not.toContain(id);
  });
});
