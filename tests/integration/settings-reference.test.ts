import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { listAudit } from "@/lib/server/audit/read";
import { listCurrencyUsage } from "@/lib/server/currencies/read";
import { createCurrency, updateCurrency } from "@/lib/server/currencies/write";
import { activeCustomFieldDefinitions } from "@/lib/server/custom-fields/definitions";
import { createCustomField, listCustomFields, reorderCustomFields, setCustomFieldActive, updateCustomField } from "@/lib/server/custom-fields/manage";
import { listLists } from "@/lib/server/lists/read";
import { createListItem, reorderList, updateListItem } from "@/lib/server/lists/write";
import { deleteQuota, listQuotas, upsertQuota } from "@/lib/server/quotas/manage";
import { currencyCreateSchema, currencyUpdateSchema } from "@/lib/validation/currencies";
import { customFieldCreateSchema, customFieldUpdateSchema } from "@/lib/validation/custom-fields";
import { customFieldErrors, normalizeCustomFields } from "@/lib/validation/opportunity-custom-fields";
import { quotaUpsertSchema } from "@/lib/validation/quotas";
import { availableKinds } from "../support/test-database";
import { withDemoDatabase } from "../support/settings-actors";

describe.each(availableKinds())("reference settings on %s", (kind) => {
  const ctx = withDemoDatabase(kind);
  const p = () => ctx.prisma();
  let admin: Actor;
  let alice: Actor;
  beforeAll(() => {
    admin = ctx.actor("admin");
    alice = ctx.actor("alice");
  });

  it("a new rate re-rates open opportunities and never rewrites closed ones", async () => {
    const eur = await p().opportunity.findMany({ where: { currencyCode: "EUR" } });
    const open = eur.filter((o) => o.status === "OPEN");
    const closed = eur.filter((o) => o.status !== "OPEN");
    expect(open.length).toBeGreaterThan(0);
    expect(closed.length).toBeGreaterThan(0);
    const { reratedOpportunities } = await updateCurrency(admin, "EUR", currencyUpdateSchema.parse({ name: "Euro", symbol: "€", rateToBase: "1.12345678", rateDate: "2026-11-20" }));
    expect(reratedOpportunities).toBe(open.length);
    for (const before of open) {
      const after = await p().opportunity.findUniqueOrThrow({ where: { id: before.id } });
      expect(after.exchangeRate.toString()).toBe("1.12345678");
      expect(after.baseAmount.toFixed(2)).toBe(before.amount.times("1.12345678").toDecimalPlaces(2, 4).toFixed(2));
      expect(after.version).toBe(before.version + 1);
    }
    for (const before of closed) {
      const after = await p().opportunity.findUniqueOrThrow({ where: { id: before.id } });
      expect([after.exchangeRate.toString(), after.baseAmount.toString(), after.version]).toEqual([before.exchangeRate.toString(), before.baseAmount.toString(), before.version]);
    }
    const listed = (await listCurrencyUsage(admin)).find((c) => c.code === "EUR")!;
    expect(listed).toMatchObject({ rateToBase: "1.12345678", rateDate: "2026-11-20" });
    await expect(updateCurrency(admin, "USD", currencyUpdateSchema.parse({ name: "US Dollar", symbol: "$", rateToBase: "2", rateDate: "2026-11-20" }))).rejects.toMatchObject({ fields: { rateToBase: expect.any(String) } });
    await expect(updateCurrency(admin, "USD", { active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    await createCurrency(admin, currencyCreateSchema.parse({ code: "chf", name: "Swiss Franc", symbol: "CHF", rateToBase: "1.1", rateDate: "2026-11-20" }));
    expect(await p().currency.findUnique({ where: { code: "CHF" } })).not.toBeNull();
    expect(currencyCreateSchema.safeParse({ code: "EURO", name: "x", symbol: "x", rateToBase: "-1", rateDate: "2026-02-30" }).error?.issues.map((i) => String(i.path[0])).filter((k, i, a) => a.indexOf(k) === i).sort()).toEqual(["code", "rateDate", "rateToBase"]);
  });

  it("adds, renames, reorders and deactivates list items, labels by key", async () => {
    const { id } = await createListItem(admin, "source", { name: "Trade show" });
    await expect(createListItem(admin, "source", { name: "trade SHOW" })).rejects.toMatchObject({ code: "CONFLICT" });
    await updateListItem(admin, "source", id, { name: "Trade fair" });
    const label = await createListItem(admin, "label", { name: "Key account", color: "#0ea5e9" });
    expect(label.id).toBe("KEY_ACCOUNT");
    expect((await createListItem(admin, "label", { name: "Naïve café" })).id).toBe("NAIVE_CAFE");
    const sources = (await listLists(admin)).source;
    const reversed = sources.map((s) => s.id).reverse();
    await reorderList(admin, { kind: "source", ids: reversed });
    expect((await listLists(admin)).source.map((s) => s.id)).toEqual(reversed);
    await updateListItem(admin, "lostReason", (await p().lostReason.findFirstOrThrow()).id, { active: false });
    expect(await p().lostReason.count({ where: { active: false } })).toBe(1);
    await updateListItem(admin, "label", "HOT", { active: false });
    expect((await p().label.findUniqueOrThrow({ where: { key: "HOT" } })).active).toBe(false);
    expect(await p().opportunity.count({ where: { labels: { has: "HOT" } } })).toBeGreaterThan(0); // kept on deals
  });

  it("defines custom fields, validates values and deactivates instead of dropping data", async () => {
    await expect(createCustomField(admin, customFieldCreateSchema.parse({ key: "tier", label: "Tier", type: "SELECT", required: false, options: ["Gold", "Silver"] }))).resolves.toBeTruthy();
    await createCustomField(admin, customFieldCreateSchema.parse({ key: "seats", label: "Seats", type: "NUMBER", required: true }));
    expect(customFieldCreateSchema.safeParse({ key: "Bad Key", label: "x", type: "TEXT", required: false }).error?.issues[0].path).toEqual(["key"]);
    expect(customFieldCreateSchema.safeParse({ key: "pick", label: "x", type: "SELECT", required: false, options: [] }).error?.issues[0].path).toEqual(["options"]);
    await expect(createCustomField(admin, customFieldCreateSchema.parse({ key: "tier", label: "Again", type: "TEXT", required: false }))).rejects.toMatchObject({ code: "CONFLICT" });

    // Values are checked by the one validator the opportunity form and services use (opportunity-custom-fields.ts).
    const seeded = new Set((await activeCustomFieldDefinitions()).map((d) => d.key).filter((k) => k !== "tier" && k !== "seats"));
    const defs = (await activeCustomFieldDefinitions()).filter((d) => !seeded.has(d.key));
    expect(customFieldErrors(defs, { tier: "Gold", seats: "12" })).toEqual({});
    expect(normalizeCustomFields(defs, { tier: "Gold", seats: "12" })).toEqual({ tier: "Gold", seats: 12 });
    expect(customFieldErrors(defs, { tier: "Bronze", other: 1 })).toMatchObject({ tier: "Choose one of the options for Tier", other: 'There is no custom field "other"', seats: "Seats is required" });

    const opp = await p().opportunity.findFirstOrThrow({ where: { customFields: { equals: {} } } });
    await p().opportunity.update({ where: { id: opp.id }, data: { customFields: { tier: "Silver", seats: 3 } } });
    const tier = (await listCustomFields(admin)).find((f) => f.key === "tier")!;
    expect(tier.usage).toBe(1);
    await expect(updateCustomField(admin, customFieldUpdateSchema.parse({ id: tier.id, label: "Tier", required: false, options: ["Gold"] }))).rejects.toMatchObject({ code: "CONFLICT", fields: { options: expect.stringContaining("1 opportunities") } });
    await updateCustomField(admin, customFieldUpdateSchema.parse({ id: tier.id, label: "Tier", required: false, options: ["Gold"], confirmRemovedOptions: true }));
    await expect(setCustomFieldActive(admin, { id: tier.id, active: false, confirm: false })).rejects.toMatchObject({ code: "CONFLICT" });
    await setCustomFieldActive(admin, { id: tier.id, active: false, confirm: true });
    expect((await activeCustomFieldDefinitions()).map((d) => d.key).filter((k) => !seeded.has(k))).toEqual(["seats"]);
    expect((await p().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).customFields).toEqual({ tier: "Silver", seats: 3 });
    const all = await listCustomFields(admin);
    await reorderCustomFields(admin, { ids: all.map((f) => f.id).reverse() });
    expect((await listCustomFields(admin)).map((f) => f.key)).toEqual(all.map((f) => f.key).reverse());
  });

  it("sets quotas per user and period start", async () => {
    expect(quotaUpsertSchema.safeParse({ userId: alice.id, period: "QUARTER", periodStart: "2026-02-01", amount: "1000" }).error?.issues[0].path).toEqual(["periodStart"]);
    const { id } = await upsertQuota(admin, quotaUpsertSchema.parse({ userId: alice.id, period: "QUARTER", periodStart: "2026-04-01", amount: "150000.00" }));
    const again = await upsertQuota(admin, quotaUpsertSchema.parse({ userId: alice.id, period: "QUARTER", periodStart: "2026-04-01", amount: "175000.50" }));
    expect(again.id).toBe(id);
    expect(await listQuotas(admin, { period: "QUARTER", year: 2026 })).toEqual([{ id, userId: alice.id, period: "QUARTER", periodStart: "2026-04-01", amount: "175000.50" }]);
    await deleteQuota(admin, { id });
    expect(await listQuotas(admin, { period: "QUARTER", year: 2026 })).toEqual([]);
  });

  it("lists every change in the audit log with who and what", async () => {
    const page = await listAudit(admin, { page: 1, entity: null });
    expect(page.total).toBeGreaterThan(10);
    expect(page.entries.every((e) => e.actorName === "Ada Admin")).toBe(true);
    const currency = await listAudit(admin, { page: 1, entity: "Currency" });
    const eur = currency.entries.find((e) => e.entityId === "EUR")!;
    expect(eur.before).toMatchObject({ rateToBase: "1.08" });
    expect(eur.after).toMatchObject({ rateToBase: "1.12345678" });
    expect(page.entities).toEqual(expect.arrayContaining(["Currency", "CustomFieldDefinition", "Label", "Quota", "Source"]));
  });

  it("refuses every reference-data action to a SALES user", async () => {
    const calls = [
      () => listCurrencyUsage(alice),
      () => updateCurrency(alice, "EUR", currencyUpdateSchema.parse({ name: "Euro", symbol: "€", rateToBase: "9", rateDate: "2026-11-20" })),
      () => createListItem(alice, "source", { name: "Mine" }),
      () => updateListItem(alice, "label", "PRIORITY", { active: false }),
      () => createCustomField(alice, customFieldCreateSchema.parse({ key: "mine", label: "Mine", type: "TEXT", required: false })),
      () => listCustomFields(alice),
      () => upsertQuota(alice, quotaUpsertSchema.parse({ userId: alice.id, period: "YEAR", periodStart: "2026-01-01", amount: "1" })),
      () => listQuotas(alice, { period: "YEAR", year: 2026 }),
      () => listAudit(alice, { page: 1, entity: null }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await p().currency.findUniqueOrThrow({ where: { code: "EUR" } })).rateToBase.toString()).toBe("1.12345678");
  });
});
