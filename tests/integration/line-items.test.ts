// Line item services on each database: after every operation (add, edit,
// reorder, delete, whole-editor save, create with lines, concurrent edits from
// two sessions) the opportunity's amount is exactly the rules' result, its
// version moved on once, and other users' rights hold.
import { beforeAll, describe, expect, it } from "vitest";
import { amountsFromLines, convertPrice, lineTotal } from "@/lib/domain/line-items";
import { toBaseAmount } from "@/lib/domain/money";
import type { Actor } from "@/lib/server/auth/actor";
import { addLineItem, deleteLineItem, reorderLineItems, updateLineItem } from "@/lib/server/line-items/edit";
import { listLineItems } from "@/lib/server/line-items/read";
import { replaceLineItems } from "@/lib/server/line-items/replace";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { updateProduct } from "@/lib/server/products/write";
import { lineItemCreateSchema, lineItemUpdateSchema } from "@/lib/validation/line-items";
import { withDemoDatabase } from "../support/settings-actors";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("line item services on %s", (kind) => {
  const ctx = withDemoDatabase(kind);
  const p = () => ctx.prisma();
  let alice: Actor;
  let bob: Actor;
  let manager: Actor;
  let admin: Actor;
  let stageId: string;
  const product = async (code: string) => p().product.findUniqueOrThrow({ where: { code }, include: { currency: true } });
  beforeAll(async () => {
    [alice, bob, manager, admin] = [ctx.actor("alice"), ctx.actor("bob"), ctx.actor("manager"), ctx.actor("admin")];
    stageId = (await p().stage.findFirstOrThrow({ where: { name: "Proposal" } })).id;
  });

  const newDeal = (actor: Actor, extra: Record<string, unknown> = {}) =>
    createOpportunity(actor, { title: `Deal ${Math.random()}`, stageId, amount: "5000.00", ...extra });
  const add = (actor: Actor, id: string, body: Record<string, unknown>) => addLineItem(actor, id, lineItemCreateSchema.parse(body));
  const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string; fields?: Record<string, string> }) => ({ code: e.code, fields: e.fields }));

  /** The invariant: stored amounts are the rules' result of the stored lines. */
  async function expectConsistent(id: string) {
    const o = await p().opportunity.findUniqueOrThrow({ where: { id }, include: { lineItems: { orderBy: { position: "asc" } } } });
    expect(o.lineItems.map((l) => l.position)).toEqual(o.lineItems.map((_, i) => i));
    for (const l of o.lineItems) expect(l.total.toFixed(2)).toBe(lineTotal(l).toFixed(2));
    if (o.lineItems.length) {
      const derived = amountsFromLines(o.lineItems, o.contractMonths);
      expect(o.amount.toFixed(2)).toBe(derived.amount);
      expect(o.recurringAmount.toFixed(2)).toBe(derived.recurringAmount);
      expect(o.oneTimeAmount.toFixed(2)).toBe(derived.oneTimeAmount);
    }
    expect(o.baseAmount.toFixed(2)).toBe(toBaseAmount(o.amount.toString(), o.exchangeRate.toString()));
    return o;
  }

  it("adds catalog lines with the catalog's fields, converts foreign prices and switches the amount to derived", async () => {
    const deal = await newDeal(alice, { contractMonths: 12 });
    expect((await listLineItems(alice, deal.id)).opportunity).toMatchObject({ amount: "5000.00", amountMode: "manual", version: 1 });
    const pro = await product("PLAT-PRO");
    const first = await add(alice, deal.id, { productId: pro.id, quantity: "10", version: 1 });
    expect(first.lineItem).toMatchObject({ productId: pro.id, code: "PLAT-PRO", name: pro.name, unit: "seat", unitPrice: "89.00", billing: "MONTHLY", quantity: "10", discountPercent: "0", total: "890.00", position: 0 });
    expect(first.opportunity).toMatchObject({ amount: "10680.00", recurringAmount: "890.00", amountMode: "derived", version: 2 });

    const gateway = await product("HW-GATE");
    const eurLine = await add(alice, deal.id, { productId: gateway.id, quantity: "2", discountPercent: "10" });
    const usdPrice = convertPrice(gateway.unitPrice.toString(), gateway.currency.rateToBase.toString(), "1");
    expect(eurLine.lineItem).toMatchObject({ unitPrice: usdPrice, billing: "ONE_TIME", position: 1 });
    const free = await add(alice, deal.id, { name: "Custom integration", quantity: "1.5", unitPrice: "1000", position: 0 });
    expect(free.lineItem).toMatchObject({ productId: null, position: 0, total: "1500.00", billing: "ONE_TIME" });
    expect(free.opportunity.version).toBe(4);
    const o = await expectConsistent(deal.id);
    expect(o.lineItems.map((l) => l.name)).toEqual(["Custom integration", pro.name, gateway.name]);
  });

  it("names missing and bad fields, and refuses archived products on new lines while old lines keep them", async () => {
    const deal = await newDeal(alice);
    expect(await errorOf(add(alice, deal.id, { quantity: "1" }))).toEqual({ code: "VALIDATION", fields: { name: expect.any(String), unitPrice: expect.any(String) } });
    expect(await errorOf(add(alice, deal.id, { productId: "nope", quantity: "1" }))).toMatchObject({ fields: { productId: "No such product" } });
    const bad = lineItemCreateSchema.safeParse({ name: "x", quantity: "0", unitPrice: "-1", discountPercent: "100.5" });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["discountPercent", "quantity", "unitPrice"]);
    expect(lineItemCreateSchema.safeParse({ name: "x", quantity: "1.12345", unitPrice: "1" }).success).toBe(false);
    expect(lineItemCreateSchema.safeParse({ name: "x", quantity: 2.5, unitPrice: "1", discountPercent: 100 }).success).toBe(true);

    const sensor = await product("HW-SENS");
    const kept = await add(alice, deal.id, { productId: sensor.id, quantity: "3" });
    await updateProduct(admin, sensor.id, { active: false });
    try {
      expect(await errorOf(add(alice, deal.id, { productId: sensor.id, quantity: "1" }))).toMatchObject({ code: "VALIDATION", fields: { productId: expect.stringContaining("archived") } });
      const changed = await updateLineItem(alice, deal.id, kept.lineItem.id, lineItemUpdateSchema.parse({ quantity: "4" }));
      expect(changed.lineItem).toMatchObject({ productId: sensor.id, quantity: "4" });
      await expectConsistent(deal.id);
    } finally {
      await updateProduct(admin, sensor.id, { active: true });
    }
  });

  it("edits, reorders and deletes with the amount following every step, and keeps the last amount when the last line goes", async () => {
    const deal = await newDeal(alice, { contractMonths: 24 });
    const std = await product("PLAT-STD");
    const onb = await product("ONB-STD");
    const a = (await add(alice, deal.id, { productId: std.id, quantity: "20" })).lineItem;
    const b = (await add(alice, deal.id, { productId: onb.id, quantity: "1" })).lineItem;
    await expectConsistent(deal.id);

    const edited = await updateLineItem(alice, deal.id, a.id, lineItemUpdateSchema.parse({ quantity: "25.5", discountPercent: "12.5" }));
    expect(edited.lineItem.total).toBe(lineTotal({ quantity: "25.5", unitPrice: "49.00", discountPercent: "12.5" }).toFixed(2));
    await expectConsistent(deal.id);
    // Switching a line to another product takes that product's fields unless sent.
    const switched = await updateLineItem(alice, deal.id, b.id, lineItemUpdateSchema.parse({ productId: std.id, quantity: "2" }));
    expect(switched.lineItem).toMatchObject({ code: "PLAT-STD", billing: "MONTHLY", unitPrice: "49.00" });
    await updateLineItem(alice, deal.id, b.id, lineItemUpdateSchema.parse({ productId: onb.id, billing: "ONE_TIME" }));

    const reordered = await reorderLineItems(alice, deal.id, { ids: [b.id, a.id] });
    expect(reordered.data.map((l) => l.id)).toEqual([b.id, a.id]);
    expect(await errorOf(reorderLineItems(alice, deal.id, { ids: [a.id] }))).toMatchObject({ code: "VALIDATION", fields: { ids: expect.any(String) } });
    await expectConsistent(deal.id);

    await deleteLineItem(alice, deal.id, b.id);
    const beforeLast = await expectConsistent(deal.id);
    const last = await deleteLineItem(alice, deal.id, a.id);
    expect(last.opportunity).toMatchObject({
      amount: beforeLast.amount.toFixed(2), oneTimeAmount: beforeLast.oneTimeAmount.toFixed(2), recurringAmount: beforeLast.recurringAmount.toFixed(2), amountMode: "manual",
    });
    // Manual again: the amount can be typed; it is at least the recurring part it keeps (amount = one-time + recurring x months).
    expect(await errorOf(updateOpportunity(alice, deal.id, { amount: "123.45" }))).toMatchObject({ code: "VALIDATION", fields: { amount: expect.any(String) } });
    expect(await updateOpportunity(alice, deal.id, { amount: "123.45", recurringAmount: "0" })).toMatchObject({ amount: "123.45", oneTimeAmount: "123.45" });
    expect(await errorOf(deleteLineItem(alice, deal.id, a.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("bumps the version once per change, refuses a stale version changing nothing, and records the amount on the timeline", async () => {
    const deal = await newDeal(alice);
    const line = await add(alice, deal.id, { name: "Workshop", quantity: "2", unitPrice: "800", version: 1 });
    expect(line.opportunity.version).toBe(2);
    expect(await errorOf(updateLineItem(alice, deal.id, line.lineItem.id, lineItemUpdateSchema.parse({ quantity: "9", version: 1 })))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(add(alice, deal.id, { name: "x", quantity: "1", unitPrice: "1", version: 1 }))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(replaceLineItems(alice, deal.id, { lines: [], version: 1 }))).toMatchObject({ code: "CONFLICT" });
    const o = await expectConsistent(deal.id);
    expect([o.version, o.amount.toFixed(2), o.lineItems.length]).toEqual([2, "1600.00", 1]);
    const changes = await p().opportunityFieldChange.findMany({ where: { opportunityId: deal.id, field: "amount" } });
    expect(changes.map((c) => [c.oldValue, c.newValue])).toEqual([["5000.00", "1600.00"]]);
  });

  it("saves the whole editor as one change: keeps, creates, deletes, reorders and sets contract months with one version bump", async () => {
    const deal = await newDeal(alice);
    const a = (await add(alice, deal.id, { name: "A", quantity: "1", unitPrice: "100" })).lineItem;
    const b = (await add(alice, deal.id, { name: "B", quantity: "1", unitPrice: "200", billing: "MONTHLY" })).lineItem;
    const ok = await replaceLineItems(alice, deal.id, {
      version: 3,
      contractMonths: 6,
      lines: [
        { name: "New", quantity: "3", unitPrice: "10.01", billing: "ONE_TIME" },
        { id: b.id, name: "B", quantity: "2", unitPrice: "200", billing: "MONTHLY", discountPercent: "50" },
      ],
    });
    expect(ok.opportunity).toMatchObject({ version: 4, contractMonths: 6, amount: "1230.03", recurringAmount: "200.00" });
    expect(ok.data.map((l) => l.name)).toEqual(["New", "B"]);
    expect(ok.data[1].id).toBe(b.id);
    expect(await p().lineItem.findUnique({ where: { id: a.id } })).toBeNull();
    await expectConsistent(deal.id);
    expect(await errorOf(replaceLineItems(alice, deal.id, { lines: [{ id: "someone-elses", name: "x", quantity: "1", unitPrice: "1", billing: "ONE_TIME" }] }))).toMatchObject({
      code: "VALIDATION",
      fields: { "lines.0.id": expect.any(String) },
    });
    const emptied = await replaceLineItems(alice, deal.id, { lines: [] });
    expect(emptied.opportunity).toMatchObject({ amount: "1230.03", amountMode: "manual", version: 5 });
  });

  it("creates an opportunity with its lines in one transaction; a disagreeing amount is refused", async () => {
    const pro = await product("PLAT-PRO");
    const made = await createOpportunity(alice, {
      title: "With lines", stageId, contractMonths: 12, currency: "EUR",
      lineItems: [{ productId: pro.id, name: pro.name, quantity: "5", unitPrice: "80.00", billing: "MONTHLY" }, { name: "Setup", quantity: "1", unitPrice: "999.99", billing: "ONE_TIME" }],
    });
    expect(made).toMatchObject({ amount: "5799.99", recurringAmount: "400.00", version: 1, currency: "EUR" });
    const o = await expectConsistent(made.id);
    expect(o.lineItems.map((l) => l.name)).toEqual([pro.name, "Setup"]);
    expect(await errorOf(createOpportunity(alice, { title: "x", stageId, amount: "1.00", lineItems: [{ name: "A", quantity: "1", unitPrice: "2", billing: "ONE_TIME" }] }))).toMatchObject({
      code: "VALIDATION",
      fields: { amount: expect.stringContaining("2.00") },
    });
    expect(await errorOf(createOpportunity(alice, { title: "x", stageId, lineItems: [{ name: "", quantity: "1", unitPrice: "2", billing: "ONE_TIME" } as never, { productId: "nope", name: "n", quantity: "1", unitPrice: "1", billing: "ONE_TIME" }] }))).toMatchObject({
      code: "VALIDATION",
      fields: { "lineItems.0.name": expect.any(String), "lineItems.1.productId": "No such product" },
    });
    // A contract months change through the opportunity edit recomputes from the lines.
    expect((await updateOpportunity(alice, made.id, { contractMonths: 24 })).amount).toBe("10599.99");
    await expectConsistent(made.id);
  });

  it("refuses every change that would push the deal's amount or base amount past DECIMAL(18,2) with VALIDATION on amount, changing nothing", async () => {
    const half = { name: "Half of everything", quantity: "1", unitPrice: "6000000000000000.00" };
    const tooLarge = { code: "VALIDATION", fields: { amount: expect.stringContaining("too large") } };
    const unchanged = async (id: string, expected: { version: number; amount: string; lines: number }) => {
      const o = await expectConsistent(id);
      expect({ version: o.version, amount: o.amount.toFixed(2), lines: o.lineItems.length }).toEqual(expected);
    };
    // Adding and editing lines: each fits the line columns, the deal's total does not.
    const deal = await newDeal(alice);
    await add(alice, deal.id, half);
    expect(await errorOf(add(alice, deal.id, half))).toEqual(tooLarge);
    const small = (await add(alice, deal.id, { name: "Small", quantity: "1", unitPrice: "1" })).lineItem;
    expect(await errorOf(updateLineItem(alice, deal.id, small.id, lineItemUpdateSchema.parse({ unitPrice: "6000000000000000.00" })))).toEqual(tooLarge);
    expect(await errorOf(updateLineItem(alice, deal.id, small.id, lineItemUpdateSchema.parse({ quantity: "999999999999", unitPrice: "5000.00" })))).toEqual(tooLarge);
    expect(await errorOf(replaceLineItems(alice, deal.id, { lines: [{ ...half, billing: "ONE_TIME" }, { ...half, billing: "ONE_TIME" }] }))).toEqual(tooLarge);
    await unchanged(deal.id, { version: 3, amount: "6000000000000001.00", lines: 2 });

    // A monthly line times 600 contract months: through the editor's save and through the opportunity's edit.
    const monthly = await newDeal(alice, { contractMonths: 1 });
    const seats = (await add(alice, monthly.id, { name: "Seats", quantity: "1", unitPrice: "100000000000000.00", billing: "MONTHLY" })).lineItem;
    expect(await errorOf(replaceLineItems(alice, monthly.id, { contractMonths: 600, lines: [{ id: seats.id, name: "Seats", quantity: "1", unitPrice: "100000000000000.00", billing: "MONTHLY" }] }))).toEqual(tooLarge);
    expect(await errorOf(updateOpportunity(alice, monthly.id, { contractMonths: 600 }))).toEqual(tooLarge);
    expect(await errorOf(add(alice, monthly.id, { name: "More", quantity: "99", unitPrice: "100000000000000.00", billing: "MONTHLY" }))).toEqual(tooLarge);
    await unchanged(monthly.id, { version: 2, amount: "100000000000000.00", lines: 1 });
    expect((await updateOpportunity(alice, monthly.id, { contractMonths: 99 })).amount).toBe("9900000000000000.00");

    // A rate under 1: the base amount fits, the amount itself would not.
    const cheap = await newDeal(alice, { amount: "0", exchangeRate: "0.5" });
    await add(alice, cheap.id, half);
    expect(await errorOf(add(alice, cheap.id, half))).toEqual(tooLarge);
    // A deal in a currency worth more than the base one: the amount fits, its base amount would not.
    const gbp = await newDeal(alice, { amount: "0", currency: "GBP" });
    expect(await errorOf(add(alice, gbp.id, { name: "Near the limit", quantity: "1", unitPrice: "9000000000000000.00" }))).toEqual({ code: "VALIDATION", fields: { amount: expect.stringContaining("base currency") } });
    await unchanged(gbp.id, { version: 1, amount: "0.00", lines: 0 });

    // Creating with lines whose sum overflows makes no deal.
    const before = await p().opportunity.count();
    expect(await errorOf(createOpportunity(alice, { title: "Too much at once", stageId, lineItems: [{ ...half, billing: "ONE_TIME" }, { ...half, billing: "ONE_TIME" }] }))).toEqual(tooLarge);
    expect(await p().opportunity.count()).toBe(before);
  });

  it("lets only editors change lines and hides a private deal's lines from other salespeople (NOT_FOUND)", async () => {
    const open = await newDeal(alice);
    const line = (await add(alice, open.id, { name: "A", quantity: "1", unitPrice: "1" })).lineItem;
    expect((await listLineItems(bob, open.id)).data).toHaveLength(1);
    for (const attempt of [
      () => add(bob, open.id, { name: "B", quantity: "1", unitPrice: "1" }),
      () => updateLineItem(bob, open.id, line.id, { quantity: "5" }),
      () => deleteLineItem(bob, open.id, line.id),
      () => reorderLineItems(bob, open.id, { ids: [line.id] }),
      () => replaceLineItems(bob, open.id, { lines: [] }),
    ]) expect(await errorOf(attempt())).toMatchObject({ code: "FORBIDDEN" });
    expect((await add(manager, open.id, { name: "By manager", quantity: "1", unitPrice: "1" })).opportunity.version).toBe(3);

    const secret = await newDeal(alice, { isPrivate: true });
    const hidden = (await add(alice, secret.id, { name: "Secret", quantity: "1", unitPrice: "1" })).lineItem;
    for (const attempt of [
      () => listLineItems(bob, secret.id),
      () => add(bob, secret.id, { name: "B", quantity: "1", unitPrice: "1" }),
      () => updateLineItem(bob, secret.id, hidden.id, { quantity: "5" }),
      () => deleteLineItem(bob, secret.id, hidden.id),
    ]) expect(await errorOf(attempt())).toMatchObject({ code: "NOT_FOUND" });
    // A line id of another deal is not found through this one.
    expect(await errorOf(updateLineItem(alice, open.id, hidden.id, { quantity: "5" }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await p().lineItem.findUniqueOrThrow({ where: { id: hidden.id } })).quantity.toString()).toBe("1");
  });

  it("keeps lines and amount in agreement under concurrent edits from two sessions", async () => {
    const deal = await newDeal(alice, { contractMonths: 3 });
    const seed = (await add(alice, deal.id, { name: "Seed", quantity: "1", unitPrice: "10", billing: "MONTHLY" })).lineItem;
    // Without versions every change applies, one after another behind the row lock.
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => add(i % 2 ? alice : manager, deal.id, { name: `L${i}`, quantity: String(i + 1), unitPrice: "3.33", billing: i % 3 ? "ONE_TIME" : "MONTHLY" })),
      updateLineItem(manager, deal.id, seed.id, { quantity: "7" }),
      updateOpportunity(alice, deal.id, { contractMonths: 5 }).catch(() => null),
    ]);
    const after = await expectConsistent(deal.id);
    expect(after.lineItems).toHaveLength(7);
    // With the same version only one of the concurrent saves wins; the others change nothing.
    const version = after.version;
    const results = await Promise.allSettled([
      replaceLineItems(alice, deal.id, { version, lines: [{ name: "Alice only", quantity: "1", unitPrice: "1", billing: "ONE_TIME" }] }),
      replaceLineItems(manager, deal.id, { version, lines: [{ name: "Manager only", quantity: "2", unitPrice: "2", billing: "ONE_TIME" }] }),
      add(manager, deal.id, { name: "Late", quantity: "1", unitPrice: "1", version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("CONFLICT");
    const final = await expectConsistent(deal.id);
    expect(final.version).toBe(version + 1);
  });
});
