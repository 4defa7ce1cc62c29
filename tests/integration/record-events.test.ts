// Every way a record changes writes its event with the change, on both
// databases: opportunities (create, edit, stage change, won, lost, board
// move, members, privacy, delete, bulk), line items, accounts and contacts
// (with what their deletion does to deals and contacts), and the settings
// that move or re-rate deals. A refused or failed change writes none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { createAccount, deleteAccount, updateAccount } from "@/lib/server/accounts/write";
import { createContact, deleteContact, updateContact } from "@/lib/server/contacts/write";
import { updateCurrency } from "@/lib/server/currencies/write";
import type { EventDto } from "@/lib/server/events/dto";
import { readFeed } from "@/lib/server/events/feed";
import { addLineItem, deleteLineItem, reorderLineItems, updateLineItem } from "@/lib/server/line-items/edit";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { getOpportunity } from "@/lib/server/opportunities/read/get";
import { bulkChangeOpportunities, bulkDeleteOpportunities } from "@/lib/server/opportunities/write/bulk";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { deleteStage } from "@/lib/server/stages/delete";
import { createStage, updateStage } from "@/lib/server/stages/write";
import { reassignOpportunities } from "@/lib/server/users/manage";
import { demoActors } from "../support/demo-actors";
import { waitForHorizon } from "../support/outbox";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("events of every change on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  const stages: Record<string, string> = {};
  let pipelineId: string;
  let lostReasonId: string;
  let cursor: string;

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const sales = await t.db.prisma.pipeline.findFirstOrThrow({ where: { name: "Sales" }, include: { stages: true } });
    pipelineId = sales.id;
    for (const s of sales.stages) stages[s.name] = s.id;
    lostReasonId = (await t.db.prisma.lostReason.findFirstOrThrow()).id;
    cursor = (await readFeed(actors.admin, { limit: 1 })).nextCursor;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  /** The events written since the last call, as the admin (who sees all) reads them. */
  async function newEvents(reader: Actor = actors.admin): Promise<EventDto[]> {
    await waitForHorizon(t);
    const page = await readFeed(reader, { after: cursor, limit: 1000 });
    if (reader === actors.admin) cursor = page.nextCursor;
    return page.data;
  }
  const summary = (events: EventDto[]) => events.map((e) => `${e.type} ${e.record.id}`);

  it("writes opportunity.created with the DTO the service returned, naming the actor and the API key", async () => {
    await newEvents();
    const created = await createOpportunity({ ...actors.alice, apiKeyId: "key-123" }, { title: "Evented deal", stageId: stages.Lead, amount: "100.00" });
    const [event] = await newEvents();
    expect(event).toMatchObject({ type: "opportunity.created", record: { type: "opportunity", id: created.id }, actor: { userId: actors.alice.id, apiKeyId: "key-123" }, previous: null });
    expect(event.data).toEqual(created);
    expect(event.data).toEqual(await getOpportunity(actors.alice, created.id));
  });

  it("writes opportunity.updated with the previous value of each changed field", async () => {
    const o = await createOpportunity(actors.alice, { title: "Before", stageId: stages.Lead, amount: "10.00" });
    await newEvents();
    const updated = await updateOpportunity(actors.alice, o.id, { title: "After", amount: "20.00" });
    const [event] = await newEvents();
    expect(event.type).toBe("opportunity.updated");
    expect(event.data).toEqual(updated);
    expect(event.previous).toEqual({ title: "Before", amount: "10.00", baseAmount: "10.00", oneTimeAmount: "10.00", weightedAmount: "1.00" });
  });

  it("names a stage change, a win and a loss by their own types, through an edit and a board move alike", async () => {
    const o = await createOpportunity(actors.alice, { title: "Journey", stageId: stages.Lead });
    await newEvents();
    await updateOpportunity(actors.alice, o.id, { stageId: stages.Proposal });
    await moveOpportunity(actors.alice, { opportunityId: o.id, stageId: stages.Negotiation });
    await moveOpportunity(actors.alice, { opportunityId: o.id, stageId: stages.Won });
    await updateOpportunity(actors.alice, o.id, { stageId: stages.Lost, lostReasonId });
    await moveOpportunity(actors.alice, { opportunityId: o.id, stageId: stages.Lead });
    const events = await newEvents();
    expect(events.map((e) => e.type)).toEqual(["opportunity.stage_changed", "opportunity.stage_changed", "opportunity.won", "opportunity.lost", "opportunity.stage_changed"]);
    expect(events[2].previous).toMatchObject({ stageId: stages.Negotiation, status: "OPEN" });
    expect(events[2].data).toMatchObject({ status: "WON", probability: 100 });
    expect(events.map((e) => (e.data as { version: number }).version)).toEqual([2, 3, 4, 5, 6]);
  });

  it("writes a reorder inside a column as an update of its rank", async () => {
    const column = await t.db.prisma.opportunity.findMany({ where: { stageId: stages.Qualified }, orderBy: [{ rank: "asc" }, { id: "asc" }], take: 3 });
    await newEvents();
    await moveOpportunity(actors.admin, { opportunityId: column[0].id, stageId: stages.Qualified, beforeId: column[2].id });
    const [event] = await newEvents();
    expect(event.type).toBe("opportunity.updated");
    expect(Object.keys(event.previous!)).toEqual(["rank"]);
  });

  it("writes members and privacy changes; who lost sight of the deal is told it is hidden", async () => {
    const o = await createOpportunity(actors.alice, { title: "Soon private", stageId: stages.Lead, memberIds: [actors.bob.id] });
    const [created] = await newEvents();
    expect(created.data).toMatchObject({ memberIds: [actors.bob.id] });
    const bobStart = (await readFeed(actors.bob, { limit: 1, after: created.cursor })).nextCursor;
    await updateOpportunity(actors.alice, o.id, { isPrivate: true });
    await updateOpportunity(actors.alice, o.id, { memberIds: [] });
    const events = await newEvents();
    expect(events.map((e) => e.previous)).toEqual([{ isPrivate: false }, { memberIds: [actors.bob.id] }]);
    await waitForHorizon(t);
    const bobSees = (await readFeed(actors.bob, { after: bobStart, limit: 100 })).data.filter((e) => e.record.id === o.id);
    expect(bobSees.map((e) => [e.type, e.data === null])).toEqual([
      ["opportunity.updated", false], // private, but he is a member still
      ["opportunity.hidden", true], // removed: he must drop it, and learns nothing more
    ]);
  });

  it("shows a private deal's events to its assignee, and tells a former assignee it is hidden", async () => {
    const o = await createOpportunity(actors.alice, { title: "Assigned private", stageId: stages.Lead, isPrivate: true, assigneeId: actors.bob.id });
    const [created] = await newEvents();
    expect(created.data).toMatchObject({ assigneeId: actors.bob.id, isPrivate: true });
    await updateOpportunity(actors.alice, o.id, { title: "Assigned private, renamed" });
    await updateOpportunity(actors.alice, o.id, { assigneeId: null });
    await updateOpportunity(actors.alice, o.id, { title: "Not his any more" });
    const events = await newEvents();
    expect(events.map((e) => e.previous)).toEqual([{ title: "Assigned private" }, { assigneeId: actors.bob.id }, { title: "Assigned private, renamed" }]);
    await waitForHorizon(t);
    const bobSaw = (await readFeed(actors.bob, { limit: 1000 })).data.filter((e) => e.record.id === o.id);
    expect(bobSaw.map((e) => [e.type, e.data === null])).toEqual([
      ["opportunity.created", false],
      ["opportunity.updated", false], // private, but assigned to him
      ["opportunity.hidden", true], // unassigned: he drops it and learns nothing more
    ]);
  });

  it("writes a tombstone when a deal is deleted, alone or in bulk, and one update per deal of a bulk change", async () => {
    const a = await createOpportunity(actors.alice, { title: "Bulk A", stageId: stages.Lead });
    const b = await createOpportunity(actors.alice, { title: "Bulk B", stageId: stages.Lead });
    const c = await createOpportunity(actors.alice, { title: "Alone", stageId: stages.Lead, isPrivate: true });
    await newEvents();
    await bulkChangeOpportunities(actors.alice, { ids: [a.id, b.id], ownerId: actors.bob.id });
    await bulkDeleteOpportunities(actors.admin, { ids: [a.id, b.id] });
    await deleteOpportunity(actors.alice, c.id);
    const events = await newEvents();
    expect(summary(events)).toEqual([`opportunity.updated ${a.id}`, `opportunity.updated ${b.id}`, `opportunity.deleted ${a.id}`, `opportunity.deleted ${b.id}`, `opportunity.deleted ${c.id}`]);
    expect(events[0].previous).toEqual({ ownerId: actors.alice.id });
    expect(events[4]).toMatchObject({ data: null, previous: null });
    // The private deal's tombstone reaches only who could see it.
    await waitForHorizon(t);
    const bobFeed = await readFeed(actors.bob, { after: events[3].cursor, limit: 100 });
    expect(bobFeed.data.map((e) => e.record.id)).not.toContain(c.id);
  });

  it("writes line item events and the deal's new amount for every line change", async () => {
    const o = await createOpportunity(actors.alice, {
      title: "With lines",
      stageId: stages.Lead,
      lineItems: [{ name: "Setup", quantity: "1", unitPrice: "100.00", billing: "ONE_TIME" }],
    });
    const createdEvents = await newEvents();
    expect(createdEvents.map((e) => e.type)).toEqual(["opportunity.created", "line_item.created"]);
    const added = await addLineItem(actors.alice, o.id, { name: "Licence", quantity: "2", unitPrice: "50.00" });
    await updateLineItem(actors.alice, o.id, added.lineItem.id, { quantity: "3" });
    const lines = await t.db.prisma.lineItem.findMany({ where: { opportunityId: o.id }, orderBy: { position: "asc" } });
    await reorderLineItems(actors.alice, o.id, { ids: lines.map((l) => l.id).reverse() });
    await deleteLineItem(actors.alice, o.id, added.lineItem.id);
    const events = await newEvents();
    expect(events.map((e) => e.type)).toEqual([
      "line_item.created", "opportunity.updated",
      "line_item.updated", "opportunity.updated",
      "line_item.updated", "line_item.updated", "opportunity.updated",
      "line_item.updated", "line_item.deleted", "opportunity.updated", // the line left moves up to position 0
    ]);
    expect(events[1].previous).toEqual({ amount: "100.00", baseAmount: "100.00", oneTimeAmount: "100.00", weightedAmount: "10.00" });
    expect(events[2].previous).toEqual({ quantity: "2", total: "100.00" });
    expect(events[8]).toMatchObject({ record: { type: "line_item", id: added.lineItem.id }, data: null });
    expect(events[7].previous).toEqual({ position: 1 });
  });

  it("writes account and contact events, and their deletion's effect on deals and contacts", async () => {
    await newEvents();
    const account = await createAccount(actors.bob, { name: "Evented Inc" });
    const other = await createAccount(actors.bob, { name: "Other Inc" });
    await updateAccount(actors.bob, account.id, { city: "Lyon" });
    const contact = await createContact(actors.bob, { firstName: "Eve", lastName: "Vent", accountId: account.id });
    await updateContact(actors.bob, contact.id, { jobTitle: "Buyer" });
    const deal = await createOpportunity(actors.alice, { title: "Account deal", stageId: stages.Lead, accountId: account.id, contacts: [{ contactId: contact.id, isPrimary: true }] });
    await deleteAccount(actors.bob, { id: account.id, strategy: "reassign", targetAccountId: other.id });
    await deleteContact(actors.bob, { id: contact.id, strategy: "remove" });
    const events = await newEvents();
    expect(summary(events)).toEqual([
      `account.created ${account.id}`,
      `account.created ${other.id}`,
      `account.updated ${account.id}`,
      `contact.created ${contact.id}`,
      `contact.updated ${contact.id}`,
      `opportunity.created ${deal.id}`,
      `opportunity.updated ${deal.id}`,
      `contact.updated ${contact.id}`,
      `account.deleted ${account.id}`,
      `opportunity.updated ${deal.id}`,
      `contact.deleted ${contact.id}`,
    ]);
    expect(events[2].previous).toEqual({ city: null });
    expect(events[6].previous).toEqual({ accountId: account.id });
    expect(events[7].previous).toEqual({ accountId: account.id });
    expect(events[8].data).toBeNull();
    expect(events[9].previous).toEqual({ contacts: [{ contactId: contact.id, isPrimary: true }] });
  });

  it("writes the deals a settings change moves or re-rates: stage delete, stage odds, currency rate, reassignment", async () => {
    const extra = await createStage(actors.admin, {
      pipelineId, name: "Doomed", type: "OPEN", probability: 30, color: "#64748b", rottingDays: null, forecastCategory: "PIPELINE", afterStageId: null,
    });
    const moved = await createOpportunity(actors.alice, { title: "In doomed stage", stageId: extra.id });
    const eur = await createOpportunity(actors.alice, { title: "Euro", stageId: stages.Lead, currency: "EUR", amount: "100.00" });
    await newEvents();
    await deleteStage(actors.admin, extra.id, { targetStageId: stages.Proposal });
    let events = (await newEvents()).filter((e) => e.record.id === moved.id);
    expect(events.map((e) => e.type)).toEqual(["opportunity.stage_changed"]);
    expect(events[0].previous).toMatchObject({ stageId: extra.id });

    const inLead = await t.db.prisma.opportunity.count({ where: { stageId: stages.Lead, status: "OPEN", probabilityOverridden: false } });
    await updateStage(actors.admin, stages.Lead, { probability: 7, applyToOpen: true });
    events = await newEvents();
    expect(events.length).toBe(inLead);
    expect(events.every((e) => e.type === "opportunity.updated" && (e.data as { probability: number }).probability === 7)).toBe(true);

    const rate = await t.db.prisma.currency.findUniqueOrThrow({ where: { code: "EUR" } });
    await updateCurrency(actors.admin, "EUR", { rateToBase: rate.rateToBase.plus(0.1).toString() });
    events = await newEvents();
    expect(events.some((e) => e.record.id === eur.id && e.previous && "exchangeRate" in e.previous)).toBe(true);

    const bobs = await t.db.prisma.opportunity.count({ where: { ownerId: actors.bob.id, status: "OPEN" } });
    await reassignOpportunities(actors.admin, { fromUserId: actors.bob.id, toUserId: actors.alice.id, onlyOpen: true });
    events = await newEvents();
    expect(events.length).toBe(bobs);
    expect(events.every((e) => (e.previous as { ownerId: string }).ownerId === actors.bob.id)).toBe(true);
  });

  it("writes nothing for a refused or failed change", async () => {
    const o = await createOpportunity(actors.alice, { title: "Guarded", stageId: stages.Lead });
    await newEvents();
    await expect(updateOpportunity(actors.bob, o.id, { title: "Not yours" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateOpportunity(actors.alice, o.id, { title: "Stale", version: 99 }).catch(() => {});
    await updateOpportunity(actors.alice, o.id, { stageId: stages.Lost }).catch(() => {}); // no lost reason
    // The transaction fails after the deal and its members were written: nothing stays, no event either.
    await createOpportunity(actors.alice, { title: "Half", stageId: stages.Lead, memberIds: ["no-such-user"] }).catch(() => {});
    await addLineItem(actors.alice, o.id, { name: "Bad", quantity: "1", unitPrice: "1.00", productId: "no-such-product" }).catch(() => {});
    expect(await newEvents()).toEqual([]);
    expect(await t.db.prisma.opportunity.count({ where: { title: "Half" } })).toBe(0);
  });
});
