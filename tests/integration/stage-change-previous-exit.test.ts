// StageChange.previousExitAt is filled by a database trigger (migration
// 20261123073000): for every change, when the same deal last left the same
// stage before it. The forecast's stage conversion relies on it to count a
// deal's first exit in a period, so it must hold whoever writes the history
// and in whatever order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("StageChange.previousExitAt on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  const stages: Record<string, string> = {};

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    await seedDemoData(t.db.prisma);
    useDatabase(t.db);
    const u = await t.db.prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    admin = { id: u.id, email: u.email, name: u.name, role: u.role };
    for (const s of await t.db.prisma.stage.findMany({ where: { pipeline: { name: "Sales" } } })) stages[s.name] = s.id;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  /** The value the column must have, computed independently from the whole history. */
  async function mismatches(): Promise<unknown[]> {
    return t.db.prisma.$queryRaw`
      SELECT sc."id", sc."previousExitAt", l."previous" FROM "StageChange" sc
      JOIN (SELECT "id", lag("changedAt") OVER (PARTITION BY "opportunityId", "fromStageId" ORDER BY "changedAt", "id") AS "previous"
            FROM "StageChange") l ON l."id" = sc."id"
      WHERE sc."previousExitAt" IS DISTINCT FROM (CASE WHEN sc."fromStageId" IS NULL THEN NULL ELSE l."previous" END)`;
  }

  it("holds for the seeded history and for moves back and forth", async () => {
    expect(await mismatches()).toEqual([]);
    const card = await t.db.prisma.opportunity.findFirstOrThrow({ where: { stageId: stages.Lead, stageChanges: { none: { fromStageId: stages.Qualified } } } });
    for (const to of ["Qualified", "Lead", "Qualified", "Proposal", "Qualified", "Proposal"]) {
      await moveOpportunity(admin, { opportunityId: card.id, stageId: stages[to] });
    }
    const history = await t.db.prisma.stageChange.findMany({ where: { opportunityId: card.id, fromStageId: stages.Qualified }, orderBy: { changedAt: "asc" } });
    expect(history).toHaveLength(3);
    expect(history.map((h) => h.previousExitAt?.getTime() ?? null)).toEqual([null, history[0].changedAt.getTime(), history[1].changedAt.getTime()]);
    expect(await mismatches()).toEqual([]);
  });

  it("holds when history is written out of time order (an import)", async () => {
    const card = await t.db.prisma.opportunity.findFirstOrThrow({ where: { stageId: stages.Proposal } });
    const at = (day: number) => new Date(Date.UTC(2025, 0, day, 12));
    const exit = (day: number) => ({ opportunityId: card.id, fromStageId: stages.Lead, toStageId: stages.Qualified, toStatus: "OPEN" as const, changedAt: at(day) });
    await t.db.prisma.stageChange.create({ data: exit(20) });
    await t.db.prisma.stageChange.create({ data: exit(5) }); // before the first one: it becomes its previous exit
    await t.db.prisma.stageChange.createMany({ data: [exit(30), exit(10)] }); // one statement, out of order
    const rows = await t.db.prisma.stageChange.findMany({ where: { opportunityId: card.id, fromStageId: stages.Lead, changedAt: { lt: at(31) } }, orderBy: { changedAt: "asc" } });
    expect(rows.map((r) => r.previousExitAt?.getUTCDate() ?? null)).toEqual([null, 5, 10, 20]);
    expect(await mismatches()).toEqual([]);
  });
});
