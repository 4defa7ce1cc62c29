// The invariant checker the fuzz relies on (tests/support/invariants.ts): the
// demo data satisfies every invariant, and each check catches its own breach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/db/seed";
import { invariantViolations, versionSnapshot, INVARIANTS } from "../support/invariants";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("data invariants on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    await seedDemoData(t.db.prisma);
  });
  afterAll(() => t?.drop());

  it("hold for the demo data", async () => {
    expect(await invariantViolations(t.db, await versionSnapshot(t.db))).toEqual([]);
  });

  it("each report its own breach", async () => {
    const p = t.db.prisma;
    const before = await versionSnapshot(t.db);
    const withLines = await p.opportunity.findFirstOrThrow({ where: { lineItems: { some: {} } } });
    const [a, b] = await p.opportunity.findMany({ where: { lineItems: { none: {} }, status: "OPEN", contacts: { some: {} } }, take: 2, orderBy: { id: "asc" } });
    const sibling = await p.opportunity.findFirstOrThrow({ where: { stageId: a.stageId, id: { not: a.id } } });
    const [first, second] = await p.pipeline.findMany({ orderBy: { position: "asc" } });

    await p.opportunity.update({ where: { id: withLines.id }, data: { amount: { increment: 1 }, baseAmount: { increment: 1 } } });
    await p.opportunity.update({ where: { id: a.id }, data: { baseAmount: { increment: 1 }, rank: sibling.rank, version: { decrement: 1 }, labels: ["GHOST"], customFields: { ghost: 1 } } });
    await p.opportunity.update({ where: { id: b.id }, data: { status: "WON" } });
    await p.opportunityContact.updateMany({ where: { opportunityId: a.id }, data: { isPrimary: false } });
    await p.pipeline.create({ data: { name: "Only open", position: 9, stages: { create: [{ name: "Lead", position: 0, probability: 10 }] } } });
    await p.pipeline.update({ where: { id: second.id }, data: { isDefault: true } });
    expect(first.isDefault).toBe(true);

    const violations = await invariantViolations(t.db, before);
    const of = (name: keyof typeof INVARIANTS) => violations.filter((v) => v.startsWith(`${name}:`));
    expect(of("amountsFollowLineItems").join()).toContain(withLines.id);
    expect(of("amountIsOneTimePlusRecurring").join()).toContain(withLines.id);
    expect(of("baseAmountFollowsRate").join()).toContain(a.id);
    expect(of("pipelinesHaveOpenWonLost")).toHaveLength(1);
    expect(of("oneDefaultPipelineOneBaseCurrency")).toHaveLength(1);
    expect(of("rankKeysUniquePerColumn").join()).toContain(a.stageId);
    expect(of("opportunitiesFollowTheirStage").join()).toContain(b.id);
    expect(of("contactsHaveOnePrimary").join()).toContain(a.id);
    expect(of("noOrphans").join()).toMatch(/GHOST[\s\S]*ghost|ghost[\s\S]*GHOST/);
    expect(of("versionsOnlyGrow").join()).toContain(a.id);
    expect(Object.keys(INVARIANTS).every((name) => of(name as keyof typeof INVARIANTS).length > 0)).toBe(true);
  });
});
