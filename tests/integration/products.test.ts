// The product catalog on each database: admins change it (with optimistic
// concurrency and an audit entry), everyone reads it; a product on deals is
// archived, never deleted; CSV import is all or nothing.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { addLineItem } from "@/lib/server/line-items/edit";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { exportProductsCsv, importProductsCsv } from "@/lib/server/products/csv";
import { getProduct, listProducts, searchProducts } from "@/lib/server/products/read";
import { createProduct, deleteProduct, updateProduct } from "@/lib/server/products/write";
import { productCreateSchema } from "@/lib/validation/products";
import { withDemoDatabase } from "../support/settings-actors";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("product catalog on %s", (kind) => {
  const ctx = withDemoDatabase(kind);
  const p = () => ctx.prisma();
  let admin: Actor;
  let alice: Actor;
  beforeAll(() => {
    admin = ctx.actor("admin");
    alice = ctx.actor("alice");
  });
  const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string; fields?: Record<string, string>; message?: string }) => ({ code: e.code, fields: e.fields, message: e.message }));
  const make = (body: Record<string, unknown>) => createProduct(admin, productCreateSchema.parse(body));

  it("lets admins create and update with a version, refuses stale versions, duplicates and unknown currencies", async () => {
    const made = await make({ code: "WID-1", name: "Widget", unitPrice: "12.50", currency: "eur", group: "Hardware" });
    expect(made).toMatchObject({ code: "WID-1", unit: "unit", billing: "ONE_TIME", active: true, currency: "EUR", version: 1, lineItemCount: 0 });
    const updated = await updateProduct(admin, made.id, { unitPrice: "13.00", version: 1 });
    expect(updated).toMatchObject({ unitPrice: "13.00", version: 2, name: "Widget" });
    expect(await errorOf(updateProduct(admin, made.id, { name: "Stale", version: 1 }))).toMatchObject({ code: "CONFLICT" });
    expect((await getProduct(alice, made.id)).name).toBe("Widget");
    expect(await errorOf(make({ code: "wid-1", name: "Dup", unitPrice: "1", currency: "USD" }))).toMatchObject({ code: "CONFLICT", fields: { code: expect.any(String) } });
    expect(await errorOf(make({ code: "WID-2", name: "x", unitPrice: "1", currency: "XYZ" }))).toMatchObject({ code: "VALIDATION", fields: { currency: expect.any(String) } });
    expect(await errorOf(createProduct(alice, productCreateSchema.parse({ code: "MINE", name: "x", unitPrice: "1", currency: "USD" })))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(updateProduct(alice, made.id, { name: "Mine" }))).toMatchObject({ code: "FORBIDDEN" });
    const audit = await p().auditLog.findMany({ where: { entity: "Product", entityId: made.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["product.create", "product.update"]);
  });

  it("lists with filters for everyone and searches active products, codes first", async () => {
    const page = await listProducts(alice, { group: "services" }, { skip: 0, take: 100 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.group === "Services")).toBe(true);
    expect((await listProducts(alice, { q: "plat" }, { skip: 0, take: 2 })).total).toBe(3);
    const found = await searchProducts(alice, "onb");
    expect(found.map((f) => f.code).sort()).toEqual(["ONB-PREM", "ONB-STD"]);
    expect(found[0].rateToBase).toBe("1");
  });

  it("refuses to delete a product on deals (archive instead), deletes an unused one", async () => {
    const used = await make({ code: "USED-1", name: "Used", unitPrice: "10", currency: "USD" });
    const stageId = (await p().stage.findFirstOrThrow({ where: { name: "Lead" } })).id;
    const deal = await createOpportunity(alice, { title: "Uses USED-1", stageId });
    await addLineItem(alice, deal.id, { productId: used.id, quantity: "1" });
    const refused = await errorOf(deleteProduct(admin, used.id));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("archive it instead") });
    const archived = await updateProduct(admin, used.id, { active: false });
    expect(archived).toMatchObject({ active: false, lineItemCount: 1 });
    expect((await searchProducts(alice, "USED-1")).length).toBe(0);
    const unused = await make({ code: "GONE-1", name: "Gone", unitPrice: "1", currency: "USD" });
    expect(await errorOf(deleteProduct(admin, unused.id, 9))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(deleteProduct(alice, unused.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await deleteProduct(admin, unused.id, 1)).toEqual({ id: unused.id, deleted: true });
    expect(await errorOf(getProduct(alice, unused.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports CSV that imports back unchanged, and imports nothing when any row is bad", async () => {
    const csv = await exportProductsCsv(admin);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.code === "PLAT-PRO")).toMatchObject({ unitPrice: "89.00", currency: "USD", billing: "MONTHLY", active: "yes", unit: "seat" });
    const count = await p().product.count();
    expect(await importProductsCsv(admin, csv)).toEqual({ created: 0, updated: count });
    expect(await p().product.count()).toBe(count);

    const good = "code,name,unitPrice,currency,billing,active,group\nNEW-1,New one,\"1,200.50\",EUR,monthly,no,Imported\nPLAT-STD,Platform licence Standard (2027),52.00,USD,MONTHLY,yes,Licences\n";
    expect(await importProductsCsv(admin, good)).toEqual({ created: 1, updated: 1 });
    expect(await p().product.findUniqueOrThrow({ where: { code: "NEW-1" } })).toMatchObject({ billing: "MONTHLY", active: false, group: "Imported" });
    expect((await p().product.findUniqueOrThrow({ where: { code: "PLAT-STD" } })).unitPrice.toFixed(2)).toBe("52.00");

    const bad = "code,name,unitPrice,currency\nOK-1,Fine,1.00,USD\n,No code,abc,USD\nOK-1,Twice,1.00,USD\nOK-3,Bad currency,1.00,ZZZ\n";
    const error = await errorOf(importProductsCsv(admin, bad));
    expect(error).toMatchObject({ code: "VALIDATION", fields: { "rows.3.code": expect.any(String), "rows.3.unitPrice": expect.any(String), "rows.4.code": expect.stringContaining("row 2") } });
    expect(await p().product.findUnique({ where: { code: "OK-1" } })).toBeNull();
    expect(await errorOf(importProductsCsv(admin, "code,name,unitPrice,currency\nOK-3,Bad currency,1.00,ZZZ\n"))).toMatchObject({ fields: { "rows.2.currency": expect.any(String) } });
    expect(await errorOf(importProductsCsv(admin, "name,price\nx,1\n"))).toMatchObject({ fields: { csv: expect.stringContaining("code") } });
    expect(await errorOf(importProductsCsv(alice, good))).toMatchObject({ code: "FORBIDDEN" });
  });
});
