import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { getOpportunity } from "@/lib/server/opportunities/read/get";
import { opportunityTimeline } from "@/lib/server/opportunities/history/timeline";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("opportunity services on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  const stages: Record<string, { id: string; probability: number }> = {};
  let lostReasonId: string;

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const sales = await t.db.prisma.pipeline.findFirstOrThrow({ where: { name: "Sales" }, include: { stages: true } });
    for (const s of sales.stages) stages[s.name] = { id: s.id, probability: s.probability };
    lostReasonId = (await t.db.prisma.lostReason.findFirstOrThrow()).id;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const fieldsOf = async (p: Promise<unknown>) => {
    const e = (await p.then(() => null, (err: unknown) => err)) as { code?: string; fields?: Record<string, string> } | null;
    return e ? { code: e.code, fields: e.fields } : null;
  };

  it("creates with sensible defaults: owner = creator, base currency, the stage's probability, last in its column", async () => {
    const o = await createOpportunity(actors.alice, { title: "Defaults deal", stageId: stages.Proposal.id, amount: "1000.50" });
    expect(o).toMatchObject({
      ownerId: actors.alice.id, createdById: actors.alice.id, currency: "USD", exchangeRate: "1", status: "OPEN",
      probability: 50, probabilityOverridden: false, amount: "1000.50", baseAmount: "1000.50", weightedAmount: "500.25", version: 1,
      contacts: [], memberIds: [], customFields: {},
    });
    const last = await t.db.prisma.opportunity.findFirstOrThrow({ where: { stageId: stages.Proposal.id }, orderBy: [{ rank: "desc" }, { id: "desc" }] });
    expect(last.id).toBe(o.id);
    const history = await opportunityTimeline(actors.alice, o.id);
    expect(history).toEqual([expect.objectContaining({ kind: "stage", fromStage: null, toStage: "Proposal", by: "Alice Anders" })]);
  });

  it("fills the exchange rate from the currency table and keeps baseAmount = amount x rate", async () => {
    const eur = await t.db.prisma.currency.findUniqueOrThrow({ where: { code: "EUR" } });
    const o = await createOpportunity(actors.alice, { title: "Euro deal", stageId: stages.Lead.id, amount: "200.00", currency: "EUR" });
    expect(o.exchangeRate).toBe(eur.rateToBase.toFixed(8).replace(/\.?0+$/, ""));
    expect(o.baseAmount).toBe(eur.rateToBase.times(200).toFixed(2));
    const changed = await updateOpportunity(actors.alice, o.id, { exchangeRate: "1.5", amount: "10.01" });
    expect(changed.baseAmount).toBe("15.02");
    const usd = await updateOpportunity(actors.alice, o.id, { currency: "USD" });
    expect(usd).toMatchObject({ currency: "USD", exchangeRate: "1", baseAmount: "10.01" });
  });

  it("names every unknown reference and bad custom field in one error", async () => {
    const err = await fieldsOf(
      createOpportunity(actors.alice, {
        title: "Bad refs", stageId: stages.Lead.id, ownerId: "nope", accountId: "nope", currency: "XXX", labels: ["NOPE"],
        contacts: [{ contactId: "nope", isPrimary: true }],
      }),
    );
    expect(err).toEqual({ code: "VALIDATION", fields: { ownerId: expect.any(String), accountId: expect.any(String), currency: expect.any(String), labels: 'Unknown label "NOPE"', "contacts.0.contactId": expect.any(String) } });
    expect(await fieldsOf(createOpportunity(actors.alice, { title: "x", stageId: "nope" }))).toEqual({ code: "VALIDATION", fields: { stageId: "No such stage" } });
    expect(await fieldsOf(createOpportunity(actors.alice, { title: "x", stageId: stages.Lead.id, customFields: { decisionProcess: "Coin toss" } }))).toEqual({
      code: "VALIDATION",
      fields: { "customFields.decisionProcess": "Choose one of the options for Decision process" },
    });
    const ok = await createOpportunity(actors.alice, { title: "x", stageId: stages.Lead.id, externalId: "CRM-1", customFields: { decisionProcess: "Committee", nextStep: "" } });
    expect(await fieldsOf(createOpportunity(actors.bob, { title: "y", stageId: stages.Lead.id, externalId: "CRM-1" }))).toEqual({ code: "CONFLICT", fields: { externalId: "Another opportunity already uses this external id" } });
    expect((await updateOpportunity(actors.alice, ok.id, { externalId: "CRM-1" })).externalId).toBe("CRM-1");
    expect(ok.customFields).toEqual({ decisionProcess: "Committee" });
  });

  it("answers a create and an edit with exactly what a read gives, every kind of field (money, dates, JSON, arrays)", async () => {
    // The writes return their row from hand-written SQL typed per driver (row-sql.ts), the read from another query.
    const account = await t.db.prisma.account.findFirstOrThrow();
    const o = await createOpportunity(actors.alice, {
      title: "Every field", description: "All of it", externalId: "CRM-EVERY", stageId: stages.Won.id, amount: "1234.5", currency: "EUR",
      exchangeRate: "1.08765432", recurringAmount: "99.99", contractMonths: 12, expectedCloseDate: "2027-02-28", accountId: account.id,
      labels: ["HOT", "PRIORITY"], rating: 4, isPrivate: true, customFields: { decisionProcess: "Committee", nextStep: "Call" },
      utmSource: "news", utmMedium: "mail", utmCampaign: "q1", utmContent: "banner", forecastCategory: "COMMIT",
    });
    // amount = one-time + recurring x months: 1234.50 = 34.62 + 99.99 x 12.
    expect(o).toMatchObject({ amount: "1234.50", exchangeRate: "1.08765432", baseAmount: "1342.71", oneTimeAmount: "34.62", recurringAmount: "99.99", status: "WON" });
    expect(o.actualCloseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await getOpportunity(actors.alice, o.id)).toEqual(o);
    const edited = await updateOpportunity(actors.alice, o.id, {
      amount: "0.01", recurringAmount: "0", expectedCloseDate: null, labels: [], rating: null, customFields: { decisionProcess: "Single buyer" }, stageId: stages.Lead.id,
    });
    expect(edited).toMatchObject({ amount: "0.01", oneTimeAmount: "0.01", recurringAmount: "0.00", expectedCloseDate: null, actualCloseDate: null, labels: [], rating: null, status: "OPEN", version: 2 });
    expect(await getOpportunity(actors.alice, o.id)).toEqual(edited);
  });

  it("requires a lost reason to create or move into a lost stage, and applies won/lost odds", async () => {
    expect(await fieldsOf(createOpportunity(actors.alice, { title: "Lost", stageId: stages.Lost.id }))).toMatchObject({ fields: { lostReasonId: expect.any(String) } });
    const lost = await createOpportunity(actors.alice, { title: "Lost", stageId: stages.Lost.id, lostReasonId, competitor: "Rival" });
    expect(lost).toMatchObject({ status: "LOST", probability: 0, lostReasonId, competitor: "Rival" });
    expect(lost.actualCloseDate).not.toBeNull();
    const won = await updateOpportunity(actors.alice, lost.id, { stageId: stages.Won.id, version: lost.version });
    expect(won).toMatchObject({ status: "WON", probability: 100, lostReasonId: null, competitor: null, version: 2 });
    expect(await fieldsOf(updateOpportunity(actors.alice, lost.id, { probability: 40 }))).toMatchObject({ fields: { probability: "A won opportunity's probability is 100" } });
  });

  it("refuses a stage of an archived pipeline and an inactive lost reason, on create and on a stage change only", async () => {
    const old = await t.db.prisma.pipeline.create({
      data: { name: "Old pipeline", stages: { create: [{ name: "Old open", position: 0, probability: 10 }, { name: "Old lost", position: 1, probability: 0, type: "LOST" }] } },
      include: { stages: true },
    });
    const oldOpen = old.stages.find((s) => s.type === "OPEN")!.id;
    const kept = await createOpportunity(actors.alice, { title: "In the old pipeline", stageId: oldOpen });
    await t.db.prisma.pipeline.update({ where: { id: old.id }, data: { isArchived: true } });
    const archived = { code: "VALIDATION", fields: { stageId: "The stage's pipeline is archived" } };
    expect(await fieldsOf(createOpportunity(actors.alice, { title: "x", stageId: oldOpen }))).toEqual(archived);
    const o = await createOpportunity(actors.alice, { title: "Elsewhere", stageId: stages.Lead.id });
    expect(await fieldsOf(updateOpportunity(actors.alice, o.id, { stageId: oldOpen }))).toEqual(archived);
    // A deal already there stays editable: only a new stage is checked.
    expect((await updateOpportunity(actors.alice, kept.id, { description: "still here", stageId: oldOpen })).description).toBe("still here");

    const retired = await t.db.prisma.lostReason.create({ data: { name: "Retired reason", active: false } });
    const inactive = { code: "VALIDATION", fields: { lostReasonId: "Choose one of the lost reasons" } };
    expect(await fieldsOf(createOpportunity(actors.alice, { title: "x", stageId: stages.Lost.id, lostReasonId: retired.id }))).toEqual(inactive);
    expect(await fieldsOf(updateOpportunity(actors.alice, o.id, { stageId: stages.Lost.id, lostReasonId: retired.id }))).toEqual(inactive);
    const lost = await updateOpportunity(actors.alice, o.id, { stageId: stages.Lost.id, lostReasonId });
    expect(lost).toMatchObject({ status: "LOST", lostReasonId });
    expect(await getOpportunity(actors.alice, o.id)).toMatchObject({ version: 2 });
  });

  it("moves stage through update with the board's rules, records history and time in stage", async () => {
    const o = await createOpportunity(actors.alice, { title: "Mover", stageId: stages.Lead.id, probability: 33 });
    expect(o).toMatchObject({ probability: 33, probabilityOverridden: true });
    const moved = await updateOpportunity(actors.alice, o.id, { stageId: stages.Negotiation.id });
    expect(moved).toMatchObject({ stageId: stages.Negotiation.id, probability: 33, version: 2 });
    const reset = await updateOpportunity(actors.alice, o.id, { probability: null });
    expect(reset).toMatchObject({ probability: stages.Negotiation.probability, probabilityOverridden: false });
    const last = await t.db.prisma.opportunity.findFirstOrThrow({ where: { stageId: stages.Negotiation.id }, orderBy: [{ rank: "desc" }, { id: "desc" }] });
    expect(last.id).toBe(o.id);
    const history = await opportunityTimeline(actors.alice, o.id);
    expect(history.filter((h) => h.kind === "stage").map((h) => h.kind === "stage" && [h.fromStage, h.toStage, h.daysInPreviousStage])).toEqual([
      ["Lead", "Negotiation", 0],
      [null, "Lead", null],
    ]);
    expect(history.filter((h) => h.kind === "field").map((h) => h.kind === "field" && [h.field, h.oldValue, h.newValue])).toEqual([["probability", "33", "75"]]);
  });

  it("records amount, probability, close date and owner edits from what to what", async () => {
    const o = await createOpportunity(actors.alice, { title: "Tracked", stageId: stages.Lead.id, amount: "100" });
    await updateOpportunity(actors.alice, o.id, { amount: "250.5", probability: 20, expectedCloseDate: "2027-01-31", ownerId: actors.bob.id, title: "Tracked 2" });
    const fields = (await opportunityTimeline(actors.manager, o.id)).filter((h) => h.kind === "field");
    expect(fields.map((h) => h.kind === "field" && [h.field, h.oldValue, h.newValue]).sort()).toEqual([
      ["amount", "100.00", "250.50"],
      ["expectedCloseDate", null, "2027-01-31"],
      ["ownerId", "Alice Anders", "Bob Baker"],
      ["probability", "10", "20"],
    ]);
    // Saving the same values again writes no history and no changes except the version.
    const same = await updateOpportunity(actors.manager, o.id, { amount: "250.50", probability: 20 });
    expect(same.version).toBe(3);
    expect((await opportunityTimeline(actors.manager, o.id)).filter((h) => h.kind === "field")).toHaveLength(4);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const o = await createOpportunity(actors.alice, { title: "Contested", stageId: stages.Lead.id });
    await updateOpportunity(actors.alice, o.id, { title: "First save", version: 1 });
    expect(await fieldsOf(updateOpportunity(actors.manager, o.id, { title: "Second save", amount: "5", version: 1 }))).toEqual({ code: "CONFLICT", fields: undefined });
    expect(await getOpportunity(actors.alice, o.id)).toMatchObject({ title: "First save", amount: "0.00", version: 2 });
    expect(await fieldsOf(deleteOpportunity(actors.alice, o.id, 1))).toMatchObject({ code: "CONFLICT" });
    // Two concurrent saves of the same version: exactly one wins.
    const results = await Promise.allSettled([
      updateOpportunity(actors.alice, o.id, { title: "A", version: 2 }),
      updateOpportunity(actors.manager, o.id, { title: "B", version: 2 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getOpportunity(actors.alice, o.id)).version).toBe(3);
  });

  it("replaces members and contacts and keeps exactly one primary", async () => {
    const contacts = await t.db.prisma.contact.findMany({ take: 2, orderBy: { id: "asc" } });
    const o = await createOpportunity(actors.alice, {
      title: "People", stageId: stages.Lead.id, memberIds: [actors.bob.id],
      contacts: [{ contactId: contacts[0].id, isPrimary: true }, { contactId: contacts[1].id, isPrimary: false }],
    });
    expect(o.contacts).toEqual([{ contactId: contacts[0].id, isPrimary: true }, { contactId: contacts[1].id, isPrimary: false }]);
    const changed = await updateOpportunity(actors.bob, o.id, { memberIds: [], contacts: [{ contactId: contacts[1].id, isPrimary: true }] });
    expect(changed).toMatchObject({ memberIds: [], contacts: [{ contactId: contacts[1].id, isPrimary: true }] });
  });

  it("lets a deactivated owner or member stay, but not be newly assigned", async () => {
    const temp = await t.db.prisma.user.create({ data: { email: "temp@example.com", name: "Temp Person", passwordHash: "x" } });
    const o = await createOpportunity(actors.alice, { title: "Staffing", stageId: stages.Lead.id, memberIds: [temp.id] });
    await t.db.prisma.user.update({ where: { id: temp.id }, data: { active: false } });
    expect((await updateOpportunity(actors.alice, o.id, { memberIds: [temp.id], title: "Staffing 2" })).memberIds).toEqual([temp.id]);
    expect(await fieldsOf(createOpportunity(actors.alice, { title: "x", stageId: stages.Lead.id, memberIds: [temp.id] }))).toEqual({ code: "VALIDATION", fields: { "memberIds.0": "Choose active users as members" } });
    expect(await fieldsOf(updateOpportunity(actors.alice, o.id, { ownerId: temp.id }))).toEqual({ code: "VALIDATION", fields: { ownerId: "Choose an active user as owner" } });
  });

  it("keeps alice's private opportunity from bob in every action", async () => {
    const secret = await createOpportunity(actors.alice, { title: "Alice secret", stageId: stages.Lead.id, isPrivate: true });
    for (const attempt of [
      () => getOpportunity(actors.bob, secret.id),
      () => updateOpportunity(actors.bob, secret.id, { title: "pwned" }),
      () => deleteOpportunity(actors.bob, secret.id),
      () => opportunityTimeline(actors.bob, secret.id),
    ]) {
      expect(await fieldsOf(attempt())).toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: secret.id } })).title).toBe("Alice secret");
    expect((await getOpportunity(actors.manager, secret.id)).title).toBe("Alice secret");
    expect((await getOpportunity(actors.alice, secret.id)).title).toBe("Alice secret");
  });

  it("lets bob see but not edit or delete alice's public opportunity unless he is a member", async () => {
    const open = await createOpportunity(actors.alice, { title: "Alice public", stageId: stages.Lead.id });
    expect((await getOpportunity(actors.bob, open.id)).title).toBe("Alice public");
    expect(await fieldsOf(updateOpportunity(actors.bob, open.id, { title: "x" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await fieldsOf(deleteOpportunity(actors.bob, open.id))).toMatchObject({ code: "FORBIDDEN" });
    await updateOpportunity(actors.alice, open.id, { memberIds: [actors.bob.id] });
    expect((await updateOpportunity(actors.bob, open.id, { title: "Team edit" })).title).toBe("Team edit");
    expect(await deleteOpportunity(actors.alice, open.id)).toEqual({ id: open.id, deleted: true });
    expect(await fieldsOf(getOpportunity(actors.alice, open.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps line-item amounts derived: amount refused, contract months recompute", async () => {
    const seeded = await t.db.prisma.opportunity.findFirstOrThrow({ where: { lineItems: { some: { billing: "MONTHLY" } }, status: "OPEN" }, include: { lineItems: true } });
    expect(await fieldsOf(updateOpportunity(actors.admin, seeded.id, { amount: "1.00" }))).toMatchObject({ fields: { amount: expect.stringContaining("line items") } });
    const updated = await updateOpportunity(actors.admin, seeded.id, { contractMonths: 24 });
    expect(Number(updated.amount)).toBeGreaterThan(Number(seeded.amount.toString()) - (seeded.contractMonths === 24 ? 1 : 0));
    expect(updated.baseAmount).toBe(seeded.exchangeRate.times(updated.amount).toFixed(2));
    expect(await fieldsOf(updateOpportunity(actors.admin, seeded.id, { oneTimeAmount: "1.00" }))).toMatchObject({ fields: { oneTimeAmount: expect.stringContaining("line items") } });
  });

  it("keeps amount = one-time + recurring x months without lines, from whichever was sent", async () => {
    const o = await createOpportunity(actors.alice, { title: "One-time", stageId: stages.Lead.id, oneTimeAmount: "500", recurringAmount: "100", contractMonths: 12 });
    expect(o).toMatchObject({ amount: "1700.00", oneTimeAmount: "500.00", recurringAmount: "100.00", baseAmount: "1700.00" });
    const months = await updateOpportunity(actors.alice, o.id, { contractMonths: 24 });
    expect(months).toMatchObject({ amount: "2900.00", oneTimeAmount: "500.00" });
    const byAmount = await updateOpportunity(actors.alice, o.id, { amount: "3000" });
    expect(byAmount).toMatchObject({ amount: "3000.00", oneTimeAmount: "600.00" });
    expect(await fieldsOf(updateOpportunity(actors.alice, o.id, { amount: "100" }))).toMatchObject({ fields: { amount: expect.stringContaining("2400.00") } });
    expect(await fieldsOf(updateOpportunity(actors.alice, o.id, { amount: "1", oneTimeAmount: "1" }))).toMatchObject({ fields: { amount: expect.stringContaining("2401.00") } });
    expect(await fieldsOf(createOpportunity(actors.alice, { title: "Too little", stageId: stages.Lead.id, amount: "10", recurringAmount: "5", contractMonths: 3 }))).toMatchObject({
      fields: { amount: expect.stringContaining("15.00") },
    });
    expect(await getOpportunity(actors.alice, o.id)).toMatchObject({ amount: "3000.00", oneTimeAmount: "600.00", version: 3 });
  });
});
