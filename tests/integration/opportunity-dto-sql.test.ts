// The API's reads build the Opportunity DTO as JSON in SQL (dto-sql.ts) while
// writes serialize Prisma rows (toOpportunityDto): both must give the same DTO,
// byte for byte once serialized (same keys in the same order), on both databases (node-postgres on PostgreSQL,
// Prisma's raw queries on PGlite return different JS types for the same SQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { listOpportunitiesForApi } from "@/lib/server/opportunities/api-list";
import { toOpportunityDto } from "@/lib/server/opportunities/dto";
import { getOpportunity, loadOpportunityRow } from "@/lib/server/opportunities/get";
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

  /** The DTO as writes return it: the Prisma row through toOpportunityDto. */
  const serialized = async (id: string) => toOpportunityDto(await t.db.prisma.$transaction((tx) => loadOpportunityRow(id, tx)));

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
        recurringAmount: "0.10",
        contractMonths: 36,
        expectedCloseDate: new Date("1900-01-01T00:00:00Z"),
        actualCloseDate: new Date("2999-12-31T00:00:00Z"),
        stageChangedAt: new Date("2024-02-29T23:59:59.999Z"),
        statusChangedAt: new Date("2001-09-09T01:46:40.001Z"),
        createdAt: new Date("1999-12-31T23:59:59.050Z"),
        updatedAt: new Date("2030-06-15T12:00:00.000Z"),
        ownerId: actors.alice.id,
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
    expect(JSON.stringify(dto)).toBe(JSON.stringify(await serialized(craftedId)));
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
      expect(JSON.stringify(dto)).toBe(JSON.stringify(await serialized(craftedId)));
    }
  });

  it("drops only trailing zeros of the exchange rate", async () => {
    for (const [rate, shown] of [["1.00000000", "1"], ["100.00000000", "100"], ["0.00000001", "0.00000001"], ["1234567890.12345678", "1234567890.12345678"], ["10.50000000", "10.5"]]) {
      await t.db.prisma.opportunity.update({ where: { id: craftedId }, data: { exchangeRate: rate } });
      expect((await getOpportunity(actors.alice, craftedId)).exchangeRate).toBe(shown);
      expect(JSON.stringify(await getOpportunity(actors.alice, craftedId))).toBe(JSON.stringify(await serialized(craftedId)));
    }
  });

  it("matches the serializer for every demo opportunity, in GET and in list pages", async () => {
    const ids = (await t.db.prisma.opportunity.findMany({ select: { id: true } })).map((o) => o.id);
    for (const id of ids) expect(JSON.stringify(await getOpportunity(actors.admin, id))).toBe(JSON.stringify(await serialized(id)));
    let skip = 0;
    let seen = 0;
    for (;;) {
      const page = await listOpportunitiesForApi(actors.manager, {}, { field: "createdAt", dir: "desc" }, { skip, take: 100 });
      for (const dto of page.rows) expect(JSON.stringify(dto)).toBe(JSON.stringify(await serialized(dto.id)));
      seen += page.rows.length;
      skip += 100;
      if (skip >= page.total) break;
    }
    expect(seen).toBe(ids.length);
  });
});
