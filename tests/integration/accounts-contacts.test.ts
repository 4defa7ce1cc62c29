import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { getAccountDetail } from "@/lib/server/accounts/detail";
import { listAccounts, searchAccounts } from "@/lib/server/accounts/list";
import { accountUsage, createAccount, deleteAccount, updateAccount } from "@/lib/server/accounts/write";
import { listContacts, searchContacts } from "@/lib/server/contacts/list";
import { createContact, deleteContact, updateContact } from "@/lib/server/contacts/write";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { getOpportunity } from "@/lib/server/opportunities/read/get";
import { accountCreateSchema } from "@/lib/validation/account";
import { contactCreateSchema } from "@/lib/validation/contact";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("accounts and contacts on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let stageId: string;

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    stageId = (await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Lead" } })).id;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; fields?: Record<string, string> }) => ({ code: e.code, fields: e.fields }));

  it("validates account and contact input in plain words", () => {
    const a = accountCreateSchema.safeParse({ name: " ", website: "not a site", employees: -1, annualRevenue: "1.234", extra: 1 });
    expect(a.success).toBe(false);
    expect(Object.fromEntries(a.error!.issues.map((i) => [i.path.join("."), i.message]))).toMatchObject({
      name: "Enter the company name", website: "Enter a web address like example.com", employees: "Enter 0 or more",
      annualRevenue: "Enter an amount of 0 or more with at most 2 decimals",
    });
    const c = contactCreateSchema.safeParse({ firstName: "", lastName: "X", email: "nope" });
    expect(Object.fromEntries(c.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({ firstName: "Enter a first name", email: "Enter an email address like name@example.com" });
  });

  it("creates, edits, lists and searches accounts", async () => {
    const a = await createAccount(actors.bob, { name: "Quokka Labs", industry: "Software", annualRevenue: "1250000.50", website: "quokka.example" });
    expect(a).toMatchObject({ name: "Quokka Labs", ownerId: actors.bob.id, annualRevenue: "1250000.50" });
    expect((await updateAccount(actors.alice, a.id, { city: "Perth", industry: null })).city).toBe("Perth");
    expect((await searchAccounts(actors.alice, "quok")).map((x) => x.name)).toEqual(["Quokka Labs"]);
    expect((await listAccounts(actors.alice, { q: "perth", page: 1, limit: 25 })).rows.map((x) => x.name)).toEqual(["Quokka Labs"]);
    expect(await errorOf(updateAccount(actors.alice, "missing", { city: "x" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(createAccount(actors.alice, { name: "X", ownerId: "nobody" }))).toEqual({ code: "VALIDATION", fields: { ownerId: "Choose an active user as owner" } });
  });

  it("keeps external ids of accounts and contacts unique, naming the field", async () => {
    const a = await createAccount(actors.alice, { name: "Ext One", externalId: "crm-a-1" });
    expect(a.externalId).toBe("crm-a-1");
    expect(await errorOf(createAccount(actors.bob, { name: "Ext Two", externalId: "crm-a-1" }))).toEqual({ code: "CONFLICT", fields: { externalId: "Another account already uses this external id" } });
    const other = await createAccount(actors.bob, { name: "Ext Three" });
    expect(await errorOf(updateAccount(actors.bob, other.id, { externalId: "crm-a-1" }))).toEqual({ code: "CONFLICT", fields: { externalId: "Another account already uses this external id" } });
    const c = await createContact(actors.alice, { firstName: "Ext", lastName: "Person", externalId: "crm-c-1" });
    expect(c.externalId).toBe("crm-c-1");
    expect(await errorOf(createContact(actors.bob, { firstName: "X", lastName: "Y", externalId: "crm-c-1" }))).toEqual({ code: "CONFLICT", fields: { externalId: "Another contact already uses this external id" } });
    // The same external id on an account and a contact is no clash: they are different systems' records.
    expect((await createContact(actors.bob, { firstName: "X", lastName: "Y", externalId: "crm-a-1" })).externalId).toBe("crm-a-1");
  });

  it("totals an account's opportunities by status", async () => {
    const a = await createAccount(actors.alice, { name: "Totals Inc" });
    const won = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Won" } });
    await createOpportunity(actors.alice, { title: "T1", stageId, accountId: a.id, amount: "100.10" });
    await createOpportunity(actors.alice, { title: "T2", stageId, accountId: a.id, amount: "200.20" });
    await createOpportunity(actors.alice, { title: "T3", stageId: won.id, accountId: a.id, amount: "50" });
    const d = await getAccountDetail(actors.bob, a.id);
    expect(d.totals).toEqual({ OPEN: { count: 2, baseAmount: "300.30" }, WON: { count: 1, baseAmount: "50.00" }, LOST: { count: 0, baseAmount: "0.00" } });
    expect(d.canDelete).toBe(false);
  });

  it("deletes an account by detaching or moving what uses it, never leaving a dangling reference", async () => {
    const a = await createAccount(actors.alice, { name: "Doomed" });
    const b = await createAccount(actors.alice, { name: "Heir" });
    const contact = await createContact(actors.alice, { firstName: "Dee", lastName: "Oomed", accountId: a.id });
    const opp = await createOpportunity(actors.alice, { title: "Doomed deal", stageId, accountId: a.id, isPrivate: true });
    expect(await accountUsage(actors.alice, a.id)).toEqual({ opportunities: 1, hiddenOpportunities: false, contacts: 1 });
    expect(await errorOf(deleteAccount(actors.bob, { id: a.id, strategy: "detach" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(deleteAccount(actors.alice, { id: a.id, strategy: "reassign", targetAccountId: a.id }))).toMatchObject({ code: "VALIDATION" });
    expect(await deleteAccount(actors.alice, { id: a.id, strategy: "reassign", targetAccountId: b.id })).toEqual({ id: a.id, deleted: true, moved: 1 });
    const moved = await getOpportunity(actors.alice, opp.id);
    expect([moved.accountId, moved.version]).toEqual([b.id, 2]);
    expect((await t.db.prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).accountId).toBe(b.id);
    await deleteAccount(actors.manager, { id: b.id, strategy: "detach" });
    expect((await getOpportunity(actors.alice, opp.id)).accountId).toBeNull();
    expect((await t.db.prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).accountId).toBeNull();
  });

  it("creates, edits and searches contacts, preferring the account's own", async () => {
    const acc = await createAccount(actors.alice, { name: "Numbat Co" });
    const c = await createContact(actors.alice, { firstName: "Nora", lastName: "Numbat", email: "nora@numbat.example", accountId: acc.id });
    await createContact(actors.alice, { firstName: "Nora", lastName: "Elsewhere" });
    expect((await updateContact(actors.bob, c.id, { jobTitle: "CTO" })).jobTitle).toBe("CTO");
    expect((await searchContacts(actors.alice, "nora", acc.id))[0].id).toBe(c.id);
    expect((await searchContacts(actors.alice, "numbat co")).map((x) => x.id)).toEqual([c.id]);
    expect((await listContacts(actors.alice, { q: "nora@numbat", page: 1, limit: 25 })).rows.map((x) => x.name)).toEqual(["Nora Numbat"]);
    expect(await errorOf(createContact(actors.alice, { firstName: "A", lastName: "B", accountId: "missing" }))).toEqual({ code: "VALIDATION", fields: { accountId: "This account no longer exists" } });
  });

  it("deletes a contact and keeps exactly one primary contact on each opportunity", async () => {
    const [p1, p2, p3] = await Promise.all(["One", "Two", "Three"].map((n) => createContact(actors.alice, { firstName: n, lastName: "Person" })));
    const opp = await createOpportunity(actors.alice, { title: "Contacts deal", stageId, contacts: [{ contactId: p1.id, isPrimary: true }, { contactId: p2.id, isPrimary: false }] });
    await deleteContact(actors.alice, { id: p1.id, strategy: "remove" });
    expect((await getOpportunity(actors.alice, opp.id)).contacts).toEqual([{ contactId: p2.id, isPrimary: true }]);
    await deleteContact(actors.alice, { id: p2.id, strategy: "replace", replacementId: p3.id });
    const after = await getOpportunity(actors.alice, opp.id);
    expect(after.contacts).toEqual([{ contactId: p3.id, isPrimary: true }]);
    expect(after.version).toBe(3);
    expect(await errorOf(deleteContact(actors.alice, { id: p3.id, strategy: "replace", replacementId: p3.id }))).toMatchObject({ code: "VALIDATION" });
  });
});
