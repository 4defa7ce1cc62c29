// Many writes to one opportunity at once (issue 16.4). A write that names no
// version means "last writer wins": each must apply on top of the others and
// never answer CONFLICT; a versioned one keeps its CONFLICT when another save
// came first. On both databases, through the services the API and the UI call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { upsertOpportunityByExternalId } from "@/lib/server/opportunities/write/upsert-by-external-id";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const PARALLEL = 20;

describe.each(availableKinds())("parallel writes to one opportunity on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let stageIds: string[];

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
    const sales = await t.db.prisma.stage.findMany({ where: { pipeline: { name: "Sales" }, type: "OPEN" }, orderBy: { position: "asc" } });
    stageIds = sales.map((s) => s.id);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const outcomes = async (writes: Promise<unknown>[]) => {
    const settled = await Promise.allSettled(writes);
    return {
      ok: settled.filter((s) => s.status === "fulfilled").length,
      refused: settled.flatMap((s) => (s.status === "rejected" ? [(s.reason as { code?: string }).code ?? String(s.reason)] : [])),
    };
  };
  const versionOf = async (id: string) => (await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id } })).version;

  it(`applies ${PARALLEL} parallel edits without a version, each on top of the last`, async () => {
    const o = await createOpportunity(actors.alice, { title: "Contended", stageId: stageIds[0] });
    const edits = Array.from({ length: PARALLEL }, (_, k) =>
      // Some move the stage (history rows), some replace members (the transaction path), all change the title.
      updateOpportunity(actors.manager, o.id, { title: `Edit ${k}`, ...(k % 4 === 1 ? { stageId: stageIds[k % stageIds.length] } : {}), ...(k % 4 === 2 ? { memberIds: [actors.bob.id] } : {}) }),
    );
    expect(await outcomes(edits)).toEqual({ ok: PARALLEL, refused: [] });
    expect(await versionOf(o.id)).toBe(o.version + PARALLEL);
    const titles = (await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: o.id } })).title;
    expect(titles).toMatch(/^Edit \d+$/);
  });

  it("still refuses all but one of parallel edits that name the same version", async () => {
    const o = await createOpportunity(actors.alice, { title: "Versioned", stageId: stageIds[0] });
    const edits = Array.from({ length: PARALLEL }, (_, k) => updateOpportunity(actors.manager, o.id, { title: `Mine ${k}`, version: o.version }));
    const result = await outcomes(edits);
    expect(result.ok).toBe(1);
    expect(result.refused).toEqual(Array(PARALLEL - 1).fill("CONFLICT"));
    expect(await versionOf(o.id)).toBe(o.version + 1);
  });

  it(`creates once and then updates for ${PARALLEL} parallel PUTs by external id, none refused`, async () => {
    const puts = Array.from({ length: PARALLEL }, (_, k) => upsertOpportunityByExternalId(actors.manager, "sync-contended", { title: `Synced ${k}`, stageId: stageIds[0] }));
    const settled = await Promise.allSettled(puts);
    expect(settled.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason)).toEqual([]);
    const created = settled.filter((s) => s.status === "fulfilled" && s.value.created);
    expect(created).toHaveLength(1);
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { externalId: "sync-contended" } });
    expect(row.version).toBe(1 + PARALLEL - 1);
    // And again, on the existing record: every PUT an update.
    const again = await outcomes(Array.from({ length: PARALLEL }, (_, k) => upsertOpportunityByExternalId(actors.manager, "sync-contended", { title: `Again ${k}`, stageId: stageIds[1] })));
    expect(again).toEqual({ ok: PARALLEL, refused: [] });
    expect(await versionOf(row.id)).toBe(row.version + PARALLEL);
  });

  it("deletes without a version while others edit, and never answers CONFLICT", async () => {
    const o = await createOpportunity(actors.alice, { title: "Doomed", stageId: stageIds[0] });
    const writes = [...Array.from({ length: 5 }, (_, k) => updateOpportunity(actors.manager, o.id, { title: `Late ${k}` })), deleteOpportunity(actors.manager, o.id)];
    const result = await outcomes(writes);
    expect(result.refused.filter((code) => code !== "NOT_FOUND")).toEqual([]);
    expect(await t.db.prisma.opportunity.count({ where: { id: o.id } })).toBe(0);
  });
});
