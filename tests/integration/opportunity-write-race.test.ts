// Opportunity writes read first and then write once, without a transaction
// (lib/server/opportunities/update.ts, create.ts). These tests put another
// save exactly between an edit's read and its write, deterministically on
// both databases, to prove the write's guards: a versioned edit is refused
// and leaves no trace, an unversioned one reads again and applies on top, and
// an externalId taken in between is the same CONFLICT the check gives.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

/** Runs once, right after the next read of an edit or a creation returns. */
const race = vi.hoisted(() => ({ between: null as null | (() => Promise<unknown>), reads: 0 }));
const afterRead = async <T,>(read: T): Promise<T> => {
  race.reads++;
  const between = race.between;
  race.between = null;
  if (between) await between();
  return read;
};

vi.mock("@/lib/server/opportunities/write/update-read", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/opportunities/write/update-read")>();
  return { ...original, readForUpdate: async (...args: Parameters<typeof original.readForUpdate>) => afterRead(await original.readForUpdate(...args)) };
});
vi.mock("@/lib/server/opportunities/write/create-read", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/opportunities/write/create-read")>();
  return { ...original, readForCreate: async (...args: Parameters<typeof original.readForCreate>) => afterRead(await original.readForCreate(...args)) };
});

const { createOpportunity } = await import("@/lib/server/opportunities/write/create");
const { getOpportunity } = await import("@/lib/server/opportunities/read/get");
const { opportunityTimeline } = await import("@/lib/server/opportunities/history/timeline");
const { updateOpportunity } = await import("@/lib/server/opportunities/write/update");

describe.each(availableKinds())("opportunity writes racing another save on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  const stages: Record<string, string> = {};

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const sales = await t.db.prisma.pipeline.findFirstOrThrow({ where: { name: "Sales" }, include: { stages: true } });
    for (const s of sales.stages) stages[s.name] = s.id;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; fields?: Record<string, string> }) => ({ code: e.code, fields: e.fields }));
  const history = async (id: string) => {
    const entries = await opportunityTimeline(actors.manager, id);
    return { stages: entries.filter((e) => e.kind === "stage").length, fields: entries.filter((e) => e.kind === "field").length };
  };

  it("refuses a versioned edit when another save lands between its read and its write, and writes nothing", async () => {
    const o = await createOpportunity(actors.alice, { title: "Contested", stageId: stages.Lead });
    race.between = () => updateOpportunity(actors.manager, o.id, { title: "Theirs" });
    expect(await failure(updateOpportunity(actors.alice, o.id, { title: "Mine", amount: "500", stageId: stages.Proposal, version: 1 }))).toEqual({ code: "CONFLICT", fields: undefined });
    expect(await getOpportunity(actors.alice, o.id)).toMatchObject({ title: "Theirs", amount: "0.00", stageId: stages.Lead, version: 2 });
    expect(await history(o.id)).toEqual({ stages: 1, fields: 0 });
  });

  it("refuses a versioned replacement of members the same way (the transaction path)", async () => {
    const o = await createOpportunity(actors.alice, { title: "Staffed", stageId: stages.Lead });
    race.between = () => updateOpportunity(actors.manager, o.id, { title: "Theirs" });
    expect(await failure(updateOpportunity(actors.alice, o.id, { memberIds: [actors.bob.id], version: 1 }))).toMatchObject({ code: "CONFLICT" });
    expect(await getOpportunity(actors.alice, o.id)).toMatchObject({ title: "Theirs", memberIds: [], version: 2 });
  });

  it("applies an unversioned edit on top of the save that landed in between (it reads again)", async () => {
    const o = await createOpportunity(actors.alice, { title: "Busy", stageId: stages.Lead });
    race.between = () => updateOpportunity(actors.manager, o.id, { title: "Renamed meanwhile" });
    const reads = race.reads;
    const saved = await updateOpportunity(actors.alice, o.id, { amount: "700", stageId: stages.Proposal });
    expect(race.reads - reads).toBe(3); // ours, the other save's, ours again
    expect(saved).toMatchObject({ title: "Renamed meanwhile", amount: "700.00", stageId: stages.Proposal, version: 3 });
    expect(await getOpportunity(actors.alice, o.id)).toEqual(saved);
    expect(await history(o.id)).toEqual({ stages: 2, fields: 1 });
  });

  it("answers CONFLICT naming externalId when another opportunity takes it between the check and the insert", async () => {
    race.between = () => createOpportunity(actors.bob, { title: "First", stageId: stages.Lead, externalId: "crm-race-1" });
    expect(await failure(createOpportunity(actors.alice, { title: "Second", stageId: stages.Lead, externalId: "crm-race-1" }))).toEqual({
      code: "CONFLICT",
      fields: { externalId: "Another opportunity already uses this external id" },
    });
    expect(await t.db.prisma.opportunity.count({ where: { externalId: "crm-race-1" } })).toBe(1);
    const other = await createOpportunity(actors.alice, { title: "Other", stageId: stages.Lead });
    const first = await t.db.prisma.opportunity.findFirstOrThrow({ where: { externalId: "crm-race-1" } });
    race.between = () => updateOpportunity(actors.bob, first.id, { externalId: "crm-race-2" });
    expect(await failure(updateOpportunity(actors.alice, other.id, { externalId: "crm-race-2" }))).toMatchObject({ code: "CONFLICT", fields: { externalId: expect.any(String) } });
  });
});
