// Cross-user suite: bob never reaches alice's private opportunity through
// the table, its filters and text search, the CSV export, bulk actions,
// account and contact pages, nor the counts of the delete dialogs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { getAccountDetail } from "@/lib/server/accounts/detail";
import { listAccounts } from "@/lib/server/accounts/list";
import { accountUsage } from "@/lib/server/accounts/write";
import { contactUsage } from "@/lib/server/contacts/write";
import { getOpportunity } from "@/lib/server/opportunities/read/get";
import { getContactDetail } from "@/lib/server/contacts/list";
import { bulkChangeOpportunities, bulkDeleteOpportunities } from "@/lib/server/opportunities/write/bulk";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/list/export";
import { listOpportunityTable } from "@/lib/server/opportunities/list/table";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("private opportunities stay private on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let secretId: string;
  let accountId: string;
  let contactId: string;
  const TITLE = "Zebra secret merger";

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const stage = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Proposal" } });
    const account = await t.db.prisma.account.create({ data: { name: "Zebra Holdings" } });
    const contact = await t.db.prisma.contact.create({ data: { firstName: "Zed", lastName: "Zebra", accountId: account.id } });
    accountId = account.id;
    contactId = contact.id;
    const secret = await createOpportunity(actors.alice, {
      title: TITLE, stageId: stage.id, isPrivate: true, amount: "999999.00", recurringAmount: "1000.00", contractMonths: 12, accountId, labels: ["HOT"],
      contacts: [{ contactId, isPrimary: true }], expectedCloseDate: "2027-03-15",
    });
    secretId = secret.id;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const table = (actor: Actor, params: Record<string, string>) => listOpportunityTable(actor, parseOpportunityTableQuery({ pageSize: "100", ...params }));

  it("is missing from bob's table, whatever he filters or searches", async () => {
    for (const params of [{}, { q: "Zebra" }, { q: "secret merger" }, { label: "HOT" }, { closeFrom: "2027-03-15", closeTo: "2027-03-15" }, { ownerId: actors.alice.id }, { sort: "amount", dir: "desc" }] as Record<string, string>[]) {
      const bob = await table(actors.bob, params);
      expect(bob.rows.map((r) => r.id), JSON.stringify(params)).not.toContain(secretId);
    }
    expect((await table(actors.alice, { q: "Zebra" })).rows.map((r) => r.title)).toEqual([TITLE]);
    expect((await table(actors.manager, { q: "zebra SECRET" })).rows.map((r) => r.id)).toEqual([secretId]);
  });

  it("is missing from bob's CSV export and present in alice's", async () => {
    const bob = Papa.parse<Record<string, string>>(await exportOpportunitiesCsv(actors.bob, {}, "createdAt", "desc"), { header: true }).data;
    expect(bob.length).toBeGreaterThan(50);
    expect(bob.some((r) => r.id === secretId || r.title === TITLE)).toBe(false);
    const alice = Papa.parse<Record<string, string>>(await exportOpportunitiesCsv(actors.alice, { q: "Zebra" }, "createdAt", "desc"), { header: true }).data;
    expect(alice).toEqual([expect.objectContaining({ id: secretId, title: TITLE, amount: "999999.00", account: "Zebra Holdings", private: "yes",
      oneTimeAmount: "987999.00", recurringAmount: "1000.00", contractMonths: "12" })]);
  });

  it("cannot be changed or deleted by bob in bulk", async () => {
    const stage = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Won" } });
    expect(await bulkChangeOpportunities(actors.bob, { ids: [secretId], stageId: stage.id })).toEqual({ updated: 0, failed: [{ id: secretId, message: "Opportunity not found" }] });
    expect(await bulkChangeOpportunities(actors.bob, { ids: [secretId], ownerId: actors.bob.id })).toMatchObject({ updated: 0 });
    expect(await bulkDeleteOpportunities(actors.bob, { ids: [secretId] })).toMatchObject({ updated: 0 });
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: secretId } });
    expect([row.ownerId, row.status, row.version]).toEqual([actors.alice.id, "OPEN", 1]);
  });

  it("does not show on the account or contact pages, nor in their totals or counts", async () => {
    const bobView = await getAccountDetail(actors.bob, accountId);
    expect(bobView.opportunities).toEqual([]);
    expect(bobView.totals.OPEN).toEqual({ count: 0, baseAmount: "0.00" });
    const aliceView = await getAccountDetail(actors.alice, accountId);
    expect(aliceView.totals.OPEN).toEqual({ count: 1, baseAmount: "999999.00" });
    expect((await getContactDetail(actors.bob, contactId)).opportunities).toEqual([]);
    expect((await getContactDetail(actors.alice, contactId)).opportunities).toHaveLength(1);
    const bobList = await listAccounts(actors.bob, { q: "Zebra", page: 1, limit: 25 });
    expect(bobList.rows).toEqual([expect.objectContaining({ name: "Zebra Holdings", openOpportunities: 0, contacts: 1 })]);
  });

  it("is not counted for bob when he would delete the account or contact it uses: only said to exist", async () => {
    expect(await accountUsage(actors.bob, accountId)).toEqual({ opportunities: 0, hiddenOpportunities: true, contacts: 1 });
    expect(await contactUsage(actors.bob, contactId)).toEqual({ opportunities: 0, hiddenOpportunities: true });
    for (const who of [actors.alice, actors.manager]) {
      expect(await accountUsage(who, accountId)).toEqual({ opportunities: 1, hiddenOpportunities: false, contacts: 1 });
      expect(await contactUsage(who, contactId)).toEqual({ opportunities: 1, hiddenOpportunities: false });
    }
    // A deal bob may see is counted beside the hidden one.
    const stage = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Proposal" } });
    const open = await createOpportunity(actors.alice, { title: "Zebra open deal", stageId: stage.id, accountId, contacts: [{ contactId, isPrimary: true }] });
    expect(await accountUsage(actors.bob, accountId)).toEqual({ opportunities: 1, hiddenOpportunities: true, contacts: 1 });
    expect(await contactUsage(actors.bob, contactId)).toEqual({ opportunities: 1, hiddenOpportunities: true });
    await t.db.prisma.opportunity.delete({ where: { id: open.id } });
  });

  it("keeps its creator as a member when a salesperson makes a private deal for someone else, so that they can read it back", async () => {
    const stage = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Proposal" } });
    const made = await createOpportunity(actors.bob, { title: "Bob's private deal for Alice", stageId: stage.id, isPrivate: true, ownerId: actors.alice.id });
    expect(made).toMatchObject({ ownerId: actors.alice.id, createdById: actors.bob.id, isPrivate: true, memberIds: [actors.bob.id] });
    expect((await getOpportunity(actors.bob, made.id)).id).toBe(made.id);
    // Members sent along are kept, the creator added once; a deal in the open or of one's own gets no extra member.
    const withMembers = await createOpportunity(actors.bob, { title: "With members", stageId: stage.id, isPrivate: true, ownerId: actors.alice.id, memberIds: [actors.manager.id, actors.bob.id] });
    expect([...withMembers.memberIds].sort()).toEqual([actors.manager.id, actors.bob.id].sort());
    expect((await createOpportunity(actors.bob, { title: "Open for Alice", stageId: stage.id, ownerId: actors.alice.id })).memberIds).toEqual([]);
    expect((await createOpportunity(actors.bob, { title: "Bob's own secret", stageId: stage.id, isPrivate: true })).memberIds).toEqual([]);
    await t.db.prisma.opportunity.deleteMany({ where: { createdById: actors.bob.id, title: { in: ["Bob's private deal for Alice", "With members", "Open for Alice", "Bob's own secret"] } } });
  });
});
