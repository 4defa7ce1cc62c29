import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import Papa from "papaparse";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/list/export";
import { listOpportunityTable } from "@/lib/server/opportunities/list/table";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("opportunity table filters on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const rows = async (params: Record<string, string>) =>
    (await listOpportunityTable(actors.manager, parseOpportunityTableQuery({ pageSize: "100", ...params }))).rows.map((r) => r.id).sort();
  const ids = async (where: object) => (await t.db.prisma.opportunity.findMany({ where, select: { id: true } })).map((r) => r.id).sort();

  it("filters by pipeline, stage, status, owner and label exactly like the database says", async () => {
    const renewals = await t.db.prisma.pipeline.findFirstOrThrow({ where: { name: "Renewals" } });
    const proposal = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Proposal" } });
    expect(await rows({ pipelineId: renewals.id })).toEqual(await ids({ pipelineId: renewals.id }));
    expect(await rows({ stageId: proposal.id })).toEqual(await ids({ stageId: proposal.id }));
    expect(await rows({ status: "LOST" })).toEqual(await ids({ status: "LOST" }));
    expect(await rows({ ownerId: actors.bob.id, status: "OPEN" })).toEqual(await ids({ ownerId: actors.bob.id, status: "OPEN" }));
    const hot = await ids({ labels: { has: "HOT" } });
    expect(hot.length).toBeGreaterThan(0);
    expect(await rows({ label: "HOT" })).toEqual(hot);
  });

  it("filters by an inclusive close-date range and by text in title or account name", async () => {
    const range = { gte: new Date("2026-12-01T00:00:00Z"), lte: new Date("2026-12-31T00:00:00Z") };
    expect(await rows({ closeFrom: "2026-12-01", closeTo: "2026-12-31" })).toEqual(
      await ids({ OR: [{ status: "OPEN", expectedCloseDate: range }, { status: { not: "OPEN" }, actualCloseDate: range }] }),
    );
    const acme = await rows({ q: "acme" });
    expect(acme).toEqual(await ids({ OR: [{ title: { contains: "acme", mode: "insensitive" } }, { account: { name: { contains: "acme", mode: "insensitive" } } }] }));
    expect(acme.length).toBeGreaterThan(0);
  });

  it("takes a won or lost deal's close date from when it closed, as the forecast counts it", async () => {
    const won = await t.db.prisma.opportunity.findFirstOrThrow({ where: { status: "WON" } });
    await t.db.prisma.opportunity.update({
      where: { id: won.id },
      data: { expectedCloseDate: new Date("2020-01-15T00:00:00Z"), actualCloseDate: new Date("2031-03-10T00:00:00Z") },
    });
    expect(await rows({ closeFrom: "2031-03-01", closeTo: "2031-03-31", status: "WON" })).toEqual([won.id]);
    expect(await rows({ closeFrom: "2020-01-01", closeTo: "2020-01-31", status: "WON" })).not.toContain(won.id);
  });

  it("filters by forecast category and by a custom field's value", async () => {
    expect(await rows({ forecastCategory: "COMMIT", status: "OPEN" })).toEqual(await ids({ forecastCategory: "COMMIT", status: "OPEN" }));
    const committee = await ids({ customFields: { path: ["decisionProcess"], equals: "Committee" } });
    expect(committee.length).toBeGreaterThan(0);
    expect(await rows({ field: "decisionProcess:Committee" })).toEqual(committee);
    const [one, two] = await t.db.prisma.opportunity.findMany({ take: 2, orderBy: { id: "asc" } });
    await t.db.prisma.customFieldDefinition.create({ data: { key: "signed", label: "Contract signed", type: "CHECKBOX" } });
    await t.db.prisma.opportunity.update({ where: { id: one.id }, data: { customFields: { signed: true } } });
    await t.db.prisma.opportunity.update({ where: { id: two.id }, data: { customFields: { signed: false } } });
    expect(await rows({ field: "signed:true" })).toEqual([one.id]);
    expect(await rows({ field: "signed:false" })).toEqual([two.id]);
    // A malformed custom field filter is ignored like any bad URL value.
    expect(await rows({ field: "no colon" })).toHaveLength(100);

    const csv = Papa.parse<Record<string, string>>(await exportOpportunitiesCsv(actors.manager, { field: "signed:true" }, "createdAt", "desc"), { header: true }).data;
    expect(csv).toHaveLength(1);
    expect(csv[0]).toMatchObject({ id: one.id, "Contract signed": "yes" });
    expect(Object.keys(csv[0])).toEqual(expect.arrayContaining(["Next step", "Decision process", "Contract signed"]));
  });

  it("counts and pages the filtered rows", async () => {
    const page = await listOpportunityTable(actors.manager, parseOpportunityTableQuery({ status: "OPEN", pageSize: "10", page: "2" }));
    expect(page.total).toBe(await t.db.prisma.opportunity.count({ where: { status: "OPEN" } }));
    expect(page.page).toBe(2);
    expect(page.rows.every((r) => r.status === "OPEN")).toBe(true);
  });
});
