// The Opportunity DTO is defined once and built by PostgreSQL as JSON
// (lib/server/opportunities/read/dto.ts): its formats, exactly, on both
// databases (node-postgres on PostgreSQL and Prisma's raw queries on PGlite
// return different JS types for the same SQL), and the same text whether a
// read of one, a list page, a write's answer or a read inside a transaction made it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { listOpportunitiesForApi } from "@/lib/server/opportunities/list/api-list";
import { getOpportunity, loadOpportunityDto } from "@/lib/server/opportunities/read/get";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

/** Fields the crafted opportunity stores and the DTO returns unchanged. */
const STORED_AS_SENT = {
  labels: ["HOT", "PRIORITY"],
  rating: 5,
  lostNote: "too expensive",
  competitor: "Rival & Co",
  isPrivate: true,
  customFields: { nextStep: "Call", budget: 1.5, big: 12345678901, signed: false, emptyText: "" },
  utmSource: "newsletter",
  utmMedium: "email",
  utmCampaign: "spring",
  utmContent: "banner-a",
  version: 7,
};

describe.each(availableKinds())("the SQL-built opportunity DTO on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let craftedId: string;

  /** The DTO as a write's transaction reads it back. */
  const inTransaction = async (id: string) => t.db.prisma.$transaction((tx) => loadOpportunityDto(id, tx));

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const p = t.db.prisma;
    const stage = await p.stage.findFirstOrThrow({ where: { type: "LOST" } });
    const [source, type, lostReason, account] = await Promise.all([p.source.findFirstOrThrow(), p.opportunityType.findFirstOrThrow(), p.lostReason.findFirstOrThrow(), p.account.findFirstOrThrow()]);
    const contacts = await p.contact.findMany({ take: 2, orderBy: { id: "asc" } });
    const crafted = await p.opportunity.create({
      data: {
        title: "Ünïcode \"quoted\" \\ deal\n\t😀",
        description: "line one\nline two",
        externalId: `crafted-${kind}`,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        rank: "a0V",
        status: "LOST",
        probability: 33,
        probabilityOverridden: true,
        forecastCategory: "OMITTED",
        forecastCategoryOverridden: true,
        amount: "12345678901234.57",
        currencyCode: "EUR",
        exchangeRate: "1.23450000",
        baseAmount: "15240740103624.28",
        oneTimeAmount: "12345678901230.97",
        recurringAmount: "0.10",
        contractMonths: 36,
        expectedCloseDate: new Date("1900-01-01T00:00:00Z"),
        actualCloseDate: new Date("2999-12-31T00:00:00Z"),
        stageChangedAt: new Date("2024-02-29T23:59:59.999Z"),
        statusChangedAt: new Date("2001-09-09T01:46:40.001Z"),
        createdAt: new Date("1999-12-31T23:59:59.050Z"),
        updatedAt: new Date("2030-06-15T12:00:00.000Z"),
        ownerId: actors.alice.id,
        assigneeId: actors.manager.id,
        createdById: actors.bob.id,
        accountId: account.id,
        sourceId: source.id,
        typeId: type.id,
        ...STORED_AS_SENT,
        lostReasonId: lostReason.id,
      },
    });
    craftedId = crafted.id;
    await p.opportunityMember.create({ data: { opportunityId: craftedId, userId: actors.bob.id, createdAt: new Date("2024-01-01T00:00:00Z") } });
    await p.opportunityMember.create({ data: { opportunityId: craftedId, userId: actors.admin.id, createdAt: new Date("2024-01-02T00:00:00Z") } });
    await p.opportunityContact.createMany({ data: contacts.map((c, i) => ({ opportunityId: craftedId, contactId: c.id, isPrimary: i === 1 })) });
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  it("gives exact decimal strings, UTC timestamps, calendar days and ordered relations", async () => {
    const dto = await getOpportunity(actors.alice, craftedId);
    const contacts = await t.db.prisma.opportunityContact.findMany({ where: { opportunityId: craftedId }, orderBy: [{ isPrimary: "desc" }, { contactId: "asc" }] });
    expect(dto).toEqual({
      id: craftedId,
      title: "Ünïcode \"quoted\" \\ deal\n\t😀",
      description: "line one\nline two",
      externalId: `crafted-${kind}`,
      pipelineId: expect.any(String),
      stageId: expect.any(String),
      rank: "a0V",
      status: "LOST",
      probability: 33,
      probabilityOverridden: true,
      forecastCategory: "OMITTED",
      forecastCategoryOverridden: true,
      amount: "12345678901234.57",
      currency: "EUR",
      exchangeRate: "1.2345",
      baseAmount: "15240740103624.28",
      oneTimeAmount: "12345678901230.97",
      recurringAmount: "0.10",
      contractMonths: 36,
      weightedAmount: "4074074037407.41",
      expectedCloseDate: "1900-01-01",
      actualCloseDate: "2999-12-31",
      stageChangedAt: "2024-02-29T23:59:59.999Z",
      statusChangedAt: "2001-09-09T01:46:40.001Z",
      createdAt: "1999-12-31T23:59:59.050Z",
      updatedAt: "2030-06-15T12:00:00.000Z",
      ownerId: actors.alice.id,
      assigneeId: actors.manager.id,
      createdById: actors.bob.id,
      memberIds: [actors.bob.id, actors.admin.id],
      accountId: expect.any(String),
      contacts: contacts.map((c) => ({ contactId: c.contactId, isPrimary: c.isPrimary })),
      sourceId: expect.any(String),
      typeId: expect.any(String),
      ...STORED_AS_SENT,
      lostReasonId: expect.any(String),
    });
    expect(dto.contacts[0].isPrimary).toBe(true);
    expect(JSON.stringify(dto)).toBe(JSON.stringify(await inTransaction(craftedId)));
  });

  it("rounds the weighted amount half up to cents, as lib/domain/money does", async () => {
    const cases: [string, number, string][] = [
      ["0.05", 50, "0.03"],
      ["0.01", 50, "0.01"],
      ["0.01", 49, "0.00"],
      ["1250.50", 25, "312.63"],
      ["9999999999999999.99", 99, "9899999999999999.99"],
      ["9999999999999999.99", 100, "9999999999999999.99"],
      ["0.00", 0, "0.00"],
      ["100.00", 0, "0.00"],
    ];
    for (const [amount, probability, weighted] of cases) {
      await t.db.prisma.opportunity.update({ where: { id: craftedId }, data: { amount, probability } });
      const dto = await getOpportunity(actors.alice, craftedId);
      expect([amount, probability, dto.amount, dto.weightedAmount]).toEqual([amount, probability, amount, weighted]);
    }
  });

  it("drops only trailing zeros of the exchange rate", async () => {
    for (const [rate, shown] of [["1.00000000", "1"], ["100.00000000", "100"], ["0.00000001", "0.00000001"], ["1234567890.12345678", "1234567890.12345678"], ["10.50000000", "10.5"]]) {
      await t.db.prisma.opportunity.update({ where: { id: craftedId }, data: { exchangeRate: rate } });
      expect((await getOpportunity(actors.alice, craftedId)).exchangeRate).toBe(shown);
    }
  });

  it("gives every demo opportunity the same DTO in GET, in list pages and inside a transaction", async () => {
    const ids = (await t.db.prisma.opportunity.findMany({ select: { id: true } })).map((o) => o.id);
    for (const id of ids) expect(JSON.stringify(await getOpportunity(actors.admin, id))).toBe(JSON.stringify(await inTransaction(id)));
    let skip = 0;
    let seen = 0;
    for (;;) {
      const page = await listOpportunitiesForApi(actors.manager, {}, { field: "createdAt", dir: "desc" }, { skip, take: 100 });
      for (const dto of page.rows) expect(JSON.stringify(dto)).toBe(JSON.stringify(await getOpportunity(actors.admin, dto.id)));
      seen += page.rows.length;
      skip += 100;
      if (skip >= page.total) break;
    }
    expect(seen).toBe(ids.length);
  });

  it("answers a write with the DTO a read then gives, byte for byte", async () => {
    const stage = await t.db.prisma.stage.findFirstOrThrow({ where: { type: "OPEN" } });
    const alone = await createOpportunity(actors.alice, { title: "Written", stageId: stage.id, amount: "10.50", labels: ["HOT"], customFields: {} });
    expect(JSON.stringify(alone)).toBe(JSON.stringify(await getOpportunity(actors.alice, alone.id)));
    const staffed = await createOpportunity(actors.alice, { title: "Staffed", stageId: stage.id, memberIds: [actors.bob.id] });
    expect(staffed.memberIds).toEqual([actors.bob.id]);
    expect(JSON.stringify(staffed)).toBe(JSON.stringify(await getOpportunity(actors.alice, staffed.id)));
    const edited = await updateOpportunity(actors.alice, craftedId, { title: "Edited", rating: 3 });
    expect(JSON.stringify(edited)).toBe(JSON.stringify(await getOpportunity(actors.alice, craftedId)));
    const people = await updateOpportunity(actors.alice, craftedId, { memberIds: [actors.bob.id] });
    expect(JSON.stringify(people)).toBe(JSON.stringify(await getOpportunity(actors.alice, craftedId)));
  });
});
