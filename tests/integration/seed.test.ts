import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/db/seed";
import { DEMO_PASSWORD } from "@/lib/db/seed-data";
import { verifyPassword } from "@/lib/auth/password";
import { amountsFromLines } from "@/lib/domain/line-items";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("demo data on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    await seedDemoData(t.db.prisma);
  });
  afterAll(() => t?.drop());

  it("creates the documented users, pipelines, reference data and 150 opportunities", async () => {
    const p = t.db.prisma;
    const users = await p.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@example.com", "ADMIN"],
      ["alice@example.com", "SALES"],
      ["bob@example.com", "SALES"],
      ["manager@example.com", "MANAGER"],
    ]);
    const withHash = await p.user.findUniqueOrThrow({ where: { email: "alice@example.com" }, omit: { passwordHash: false } });
    expect(await verifyPassword(DEMO_PASSWORD, withHash.passwordHash)).toBe(true);
    const sales = await p.pipeline.findFirstOrThrow({ where: { name: "Sales" }, include: { stages: { orderBy: { position: "asc" } } } });
    expect(sales.isDefault).toBe(true);
    expect(sales.stages.map((s) => [s.name, s.probability, s.type])).toEqual([
      ["Lead", 10, "OPEN"], ["Qualified", 25, "OPEN"], ["Proposal", 50, "OPEN"], ["Negotiation", 75, "OPEN"], ["Won", 100, "WON"], ["Lost", 0, "LOST"],
    ]);
    expect(sales.stages.filter((s) => s.type === "OPEN").every((s) => s.rottingDays !== null)).toBe(true);
    expect(await p.pipeline.count({ where: { name: "Renewals" } })).toBe(1);
    expect(await p.currency.count()).toBe(3);
    expect((await p.currency.findFirstOrThrow({ where: { isBase: true } })).code).toBe("USD");
    expect(await p.account.count()).toBe(20);
    expect(await p.contact.count()).toBe(40);
    expect(await p.product.count()).toBe(12);
    expect(await p.lostReason.count()).toBeGreaterThan(0);
    expect(await p.opportunity.count()).toBe(150);
    expect(await p.opportunity.count({ where: { isPrivate: true } })).toBeGreaterThan(5);
    expect(await p.opportunity.count({ where: { currencyCode: { not: "USD" } } })).toBeGreaterThan(10);
    expect(await p.stageChange.count()).toBeGreaterThan(150);
  });

  it("keeps amounts equal to their line items and every won or lost deal closed", async () => {
    const opps = await t.db.prisma.opportunity.findMany({ include: { lineItems: true, stage: true } });
    const withLines = opps.filter((o) => o.lineItems.length > 0);
    expect(withLines.length).toBeGreaterThan(60);
    for (const o of withLines) {
      const derived = amountsFromLines(
        o.lineItems.map((l) => ({ quantity: l.quantity.toString(), unitPrice: l.unitPrice.toString(), discountPercent: l.discountPercent.toString(), billing: l.billing })),
        o.contractMonths,
      );
      expect(o.amount.toFixed(2)).toBe(derived.amount);
      expect(o.recurringAmount.toFixed(2)).toBe(derived.recurringAmount);
    }
    for (const o of opps) {
      expect(o.status).toBe(o.stage.type);
      if (o.status !== "OPEN") expect(o.actualCloseDate).not.toBeNull();
      if (o.status === "LOST") expect(o.lostReasonId).not.toBeNull();
    }
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await t.db.prisma.opportunity.count();
    const result = await seedDemoData(t.db.prisma);
    expect(result.opportunities).toBe(0);
    expect(await t.db.prisma.opportunity.count()).toBe(before);
    expect(await t.db.prisma.user.count()).toBe(4);
    expect(await t.db.prisma.pipeline.count()).toBe(2);
  });
});
