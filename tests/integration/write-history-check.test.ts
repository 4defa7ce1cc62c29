// The fault test's verdict (tests/support/write-history-check.ts) must be able
// to fail: written through the real services, a clean history passes, and each
// kind of half-written or lost change is named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { createMigratedDatabase, type TestDatabase } from "../support/test-database";
import { INITIAL_AMOUNT, writeHistoryProblems, type Acknowledged } from "../support/write-history-check";

// The check reads PostgreSQL by URL, as the fault test does.
describe.skipIf(!process.env.TEST_DATABASE_URL)("write history check", () => {
  let t: TestDatabase;
  let url: string;
  let alice: Actor;
  let stages: string[];
  let acked: Acknowledged;
  let id: string;

  beforeAll(async () => {
    t = await createMigratedDatabase("postgres");
    await seedDemoData(t.db.prisma);
    useDatabase(t.db);
    const u = await t.db.prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    alice = { id: u.id, email: u.email, name: u.name, role: u.role };
    stages = (await t.db.prisma.stage.findMany({ where: { pipeline: { isDefault: true }, type: "OPEN" }, orderBy: { position: "asc" } })).map((s) => s.id);
    const base = new URL(process.env.TEST_DATABASE_URL!);
    base.pathname = `/${t.name}`;
    url = base.toString();

    const made = await createOpportunity(alice, { title: "checked", stageId: stages[0], amount: INITIAL_AMOUNT });
    id = made.id;
    await updateOpportunity(alice, id, { amount: "1001.00" });
    await moveOpportunity(alice, { opportunityId: id, stageId: stages[1] });
    const last = await updateOpportunity(alice, id, { amount: "1002.00" });
    acked = { created: new Set([id]), amounts: new Map([[id, new Set(["1001.00", "1002.00"])]]), versions: new Map([[id, last.version]]) };
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  it("passes a history written through the services", async () => {
    expect(await writeHistoryProblems(url, acked)).toEqual([]);
  });

  it("names a move whose history row is missing, and a version bumped without a change", async () => {
    const row = await t.db.prisma.stageChange.findFirstOrThrow({ where: { opportunityId: id, fromStageId: { not: null } } });
    await t.db.prisma.stageChange.delete({ where: { id: row.id } });
    const problems = await writeHistoryProblems(url, acked);
    expect(problems).toContain(`${id}: stage ${stages[1]} is not where its history ends`);
    expect(problems).toContain(`${id}: version 4 but 2 recorded changes`);
    await t.db.prisma.stageChange.create({ data: row });
  });

  it("names a lost acknowledged write and a lost create", async () => {
    const ghost = "00000000-0000-4000-8000-000000000000";
    const problems = await writeHistoryProblems(url, {
      created: new Set([id, ghost]),
      amounts: new Map([[id, new Set(["1001.00", "1003.00"])]]),
      versions: new Map([[id, 9]]),
    });
    expect(problems).toEqual(
      expect.arrayContaining([`${ghost}: acknowledged create missing`, `${id}: acknowledged amount 1003.00 lost`, `${id}: version 4 below acknowledged 9`]),
    );
  });
});
