import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { deletePipeline } from "@/lib/server/pipelines/delete";
import { listPipelineSettings } from "@/lib/server/pipelines/editor";
import { createPipeline, updatePipeline } from "@/lib/server/pipelines/write";
import { deleteStage } from "@/lib/server/stages/delete";
import { createStage, reorderStages, updateStage } from "@/lib/server/stages/write";
import { pipelineDeleteSchema } from "@/lib/validation/pipelines";
import { stageCreateSchema, stageDeleteSchema, stageUpdateSchema } from "@/lib/validation/stages";
import { availableKinds } from "../support/test-database";
import { withDemoDatabase } from "../support/settings-actors";

describe.each(availableKinds())("pipeline and stage settings on %s", (kind) => {
  const ctx = withDemoDatabase(kind);
  const p = () => ctx.prisma();
  let admin: Actor;
  let sales: Actor;
  beforeAll(() => {
    admin = ctx.actor("admin");
    sales = ctx.actor("alice");
  });
  const stageOf = async (name: string, pipeline = "Sales") => p().stage.findFirstOrThrow({ where: { name, pipeline: { name: pipeline } } });
  // The stage dialog sends every field of the stage.
  const fields = (s: { name: string; probability: number; type: string; color: string; rottingDays: number | null; forecastCategory: string }) =>
    ({ name: s.name, probability: s.probability, type: s.type, color: s.color, rottingDays: s.rottingDays, forecastCategory: s.forecastCategory });
  const stageNames = async (pipeline = "Sales") =>
    (await p().stage.findMany({ where: { pipeline: { name: pipeline } }, orderBy: { position: "asc" } })).map((s) => s.name);

  it("adds a stage between two others, normalizes won/lost odds and audits it", async () => {
    const qualified = await stageOf("Qualified");
    const { id } = await createStage(admin, stageCreateSchema.parse({
      pipelineId: qualified.pipelineId, afterStageId: qualified.id, name: "Demo", probability: 40, type: "OPEN", color: "#123456", rottingDays: 10, forecastCategory: "PIPELINE",
    }));
    expect(await stageNames()).toEqual(["Lead", "Qualified", "Demo", "Proposal", "Negotiation", "Won", "Lost"]);
    const audit = await p().auditLog.findFirstOrThrow({ where: { action: "stage.create", entityId: id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.after).toMatchObject({ name: "Demo", probability: 40 });

    const won = await createStage(admin, stageCreateSchema.parse({
      pipelineId: qualified.pipelineId, name: "Won (partner)", probability: 30, type: "WON", color: "#10b981", rottingDays: null, forecastCategory: "PIPELINE",
    }));
    const stored = await p().stage.findUniqueOrThrow({ where: { id: won.id } });
    expect([stored.probability, stored.forecastCategory]).toEqual([100, "CLOSED"]);
    await deleteStage(admin, won.id, stageDeleteSchema.parse({}));
  });

  it("reorders stages and refuses a list that is not the pipeline's stages", async () => {
    const stages = await p().stage.findMany({ where: { pipeline: { name: "Sales" } }, orderBy: { position: "asc" } });
    const ids = stages.map((s) => s.id);
    const swapped = [ids[0], ids[2], ids[1], ...ids.slice(3)];
    await reorderStages(admin, { pipelineId: stages[0].pipelineId, ids: swapped });
    expect(await stageNames()).toEqual(["Lead", "Demo", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]);
    await expect(reorderStages(admin, { pipelineId: stages[0].pipelineId, ids: ids.slice(1) })).rejects.toMatchObject({ code: "VALIDATION" });
    await reorderStages(admin, { pipelineId: stages[0].pipelineId, ids });
  });

  it("keeps at least one open, one won and one lost stage", async () => {
    const won = await stageOf("Renewed", "Renewals");
    await p().opportunity.deleteMany({ where: { stageId: won.id } });
    // The same CONFLICT as the API's 409 (tests/api/reference-api.test.ts): the stage set refuses the delete.
    await expect(deleteStage(admin, won.id, stageDeleteSchema.parse({}))).rejects.toMatchObject({
      code: "CONFLICT", message: expect.stringContaining("won stage"),
    });
    const lost = await stageOf("Churned", "Renewals");
    await p().opportunity.deleteMany({ where: { stageId: lost.id } });
    await expect(updateStage(admin, lost.id, stageUpdateSchema.parse({ ...fields(lost), type: "OPEN" }))).rejects.toMatchObject({
      code: "VALIDATION", fields: { type: expect.stringContaining("lost stage") },
    });
    expect(await p().stage.count({ where: { id: { in: [won.id, lost.id] } } })).toBe(2);
  });

  it("refuses to change the type of a stage that holds opportunities", async () => {
    const proposal = await stageOf("Proposal");
    await expect(updateStage(admin, proposal.id, stageUpdateSchema.parse({ ...fields(proposal), type: "WON" }))).rejects.toMatchObject({ code: "VALIDATION", fields: { type: expect.any(String) } });
  });

  it("applies a new probability only to open, non-overridden opportunities when asked", async () => {
    const negotiation = await stageOf("Negotiation");
    const opps = await p().opportunity.findMany({ where: { stageId: negotiation.id }, orderBy: { id: "asc" } });
    expect(opps.length).toBeGreaterThan(1);
    await p().opportunity.update({ where: { id: opps[0].id }, data: { probability: 33, probabilityOverridden: true } });
    await updateStage(admin, negotiation.id, stageUpdateSchema.parse({ ...fields(negotiation), probability: 70 }));
    expect((await p().opportunity.findUniqueOrThrow({ where: { id: opps[1].id } })).probability).toBe(opps[1].probability);
    const { updatedOpportunities } = await updateStage(admin, negotiation.id, stageUpdateSchema.parse({ ...fields(negotiation), probability: 70, applyToOpen: true }));
    const followers = opps.filter((o, i) => i > 0 && o.status === "OPEN" && !o.probabilityOverridden);
    expect(updatedOpportunities).toBe(followers.length);
    const after = await p().opportunity.findMany({ where: { stageId: negotiation.id }, orderBy: { id: "asc" } });
    expect(after[0].probability).toBe(33);
    const followerIds = new Set(followers.map((o) => o.id));
    expect(after.filter((o) => followerIds.has(o.id)).every((o) => o.probability === 70)).toBe(true);
    expect(after.find((o) => o.id === followers[0].id)!.version).toBe(followers[0].version + 1);
  });

  it("deletes a stage by moving its opportunities, with history, to the end of the target column", async () => {
    const qualified = await stageOf("Qualified");
    const demo = await stageOf("Demo");
    const proposal = await stageOf("Proposal");
    const moving = await p().opportunity.findMany({ where: { stageId: qualified.id }, orderBy: [{ rank: "asc" }, { id: "asc" }] });
    expect(moving.length).toBeGreaterThan(0);
    // Put the Qualified cards into Demo first (the deleted stage), as a board move would.
    await p().opportunity.updateMany({ where: { stageId: qualified.id }, data: { stageId: demo.id } });
    const lastBefore = await p().opportunity.findFirstOrThrow({ where: { stageId: proposal.id }, orderBy: { rank: "desc" } });
    const stageChangesBefore = await p().stageChange.count();

    await expect(deleteStage(admin, demo.id, stageDeleteSchema.parse({}))).rejects.toMatchObject({ code: "CONFLICT", fields: { targetStageId: expect.any(String) } });
    await expect(deleteStage(admin, demo.id, stageDeleteSchema.parse({ targetStageId: demo.id }))).rejects.toMatchObject({ code: "VALIDATION", fields: { targetStageId: expect.any(String) } });
    const { movedOpportunities: moved } = await deleteStage(admin, demo.id, stageDeleteSchema.parse({ targetStageId: proposal.id }));
    expect(moved).toBe(moving.length);
    expect(await p().stage.count({ where: { id: demo.id } })).toBe(0);
    const column = await p().opportunity.findMany({ where: { stageId: proposal.id }, orderBy: [{ rank: "asc" }, { id: "asc" }] });
    expect(column.slice(-moving.length).map((o) => o.id)).toEqual(moving.map((o) => o.id));
    expect(column.slice(-moving.length).every((o) => o.rank > lastBefore.rank)).toBe(true);
    const movedRow = column.find((o) => o.id === moving[0].id)!;
    expect(movedRow.version).toBe(moving[0].version + 1);
    expect(movedRow.pipelineId).toBe(proposal.pipelineId);
    if (!moving[0].probabilityOverridden) expect(movedRow.probability).toBe(proposal.probability);
    expect(await p().stageChange.count()).toBe(stageChangesBefore + moving.length);
    const history = await p().stageChange.findFirstOrThrow({ where: { opportunityId: moving[0].id, toStageId: proposal.id }, orderBy: { changedAt: "desc" } });
    expect(history.changedById).toBe(admin.id);
    expect(history.fromStageId).toBeNull(); // the stage is gone; the row stays
    expect(await stageNames()).toEqual(["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]);
    const positions = (await p().stage.findMany({ where: { pipelineId: proposal.pipelineId }, orderBy: { position: "asc" } })).map((s) => s.position);
    expect(positions).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("moves a whole stage into a lost stage only with a lost reason, in one transaction", async () => {
    const lead = await stageOf("Lead");
    const lost = await stageOf("Lost");
    const extra = await createStage(admin, stageCreateSchema.parse({ pipelineId: lead.pipelineId, name: "Parked", probability: 5, type: "OPEN", color: "#64748b", rottingDays: null, forecastCategory: "PIPELINE" }));
    const someLeads = await p().opportunity.findMany({ where: { stageId: lead.id }, take: 2 });
    await p().opportunity.updateMany({ where: { id: { in: someLeads.map((o) => o.id) } }, data: { stageId: extra.id } });
    await expect(deleteStage(admin, extra.id, stageDeleteSchema.parse({ targetStageId: lost.id }))).rejects.toMatchObject({ fields: { lostReasonId: expect.any(String) } });
    expect(await p().opportunity.count({ where: { stageId: extra.id } })).toBe(2); // rolled back
    const reason = await p().lostReason.findFirstOrThrow();
    await deleteStage(admin, extra.id, stageDeleteSchema.parse({ targetStageId: lost.id, lostReasonId: reason.id }));
    const now = await p().opportunity.findMany({ where: { id: { in: someLeads.map((o) => o.id) } } });
    expect(now.every((o) => o.status === "LOST" && o.probability === 0 && o.lostReasonId === reason.id && o.actualCloseDate !== null)).toBe(true);
  });

  it("creates, defaults, archives and deletes a pipeline, mapping its opportunities into another", async () => {
    const { id } = await createPipeline(admin, { name: "Partners" });
    const list = await listPipelineSettings(admin);
    const partners = list.find((x) => x.id === id)!;
    expect(partners.stages.map((s) => s.type)).toEqual(["OPEN", "OPEN", "WON", "LOST"]);
    await expect(updatePipeline(admin, list.find((x) => x.isDefault)!.id, { isArchived: true })).rejects.toMatchObject({ code: "CONFLICT" });

    const renewals = list.find((x) => x.name === "Renewals")!;
    const sales = list.find((x) => x.name === "Sales")!;
    await updatePipeline(admin, id, { isDefault: true });
    expect((await p().pipeline.findMany({ where: { isDefault: true } })).map((x) => x.id)).toEqual([id]);
    await updatePipeline(admin, sales.id, { isDefault: true });

    // An earlier test emptied Churned; put a lost deal back into it.
    const churned = renewals.stages.find((s) => s.type === "LOST")!;
    const aLostDeal = await p().opportunity.findFirstOrThrow({ where: { status: "LOST" } });
    await p().opportunity.update({ where: { id: aLostDeal.id }, data: { pipelineId: renewals.id, stageId: churned.id } });
    churned.opportunityCount += 1;
    renewals.opportunityCount += 1;
    const held = renewals.stages.filter((s) => s.opportunityCount > 0);
    const lostBefore = await p().opportunity.findMany({ where: { pipelineId: renewals.id, status: "LOST" }, select: { id: true, lostReasonId: true, actualCloseDate: true } });
    expect(lostBefore.length).toBeGreaterThan(0);
    const count = renewals.opportunityCount;
    expect(count).toBeGreaterThan(0);
    await expect(deletePipeline(admin, renewals.id, pipelineDeleteSchema.parse({}))).rejects.toMatchObject({ code: "CONFLICT", fields: { targetPipelineId: expect.any(String) } });
    await expect(deletePipeline(admin, renewals.id, pipelineDeleteSchema.parse({ targetPipelineId: "nope" }))).rejects.toMatchObject({ code: "VALIDATION", fields: { targetPipelineId: expect.any(String) } });
    await expect(deletePipeline(admin, renewals.id, pipelineDeleteSchema.parse({ targetPipelineId: id }))).rejects.toMatchObject({ code: "VALIDATION" });
    const byType = (type: string) => partners.stages.find((s) => s.type === type)!.id;
    const stageMap = Object.fromEntries(held.map((s) => [s.id, byType(s.type)]));
    const { movedOpportunities: moved } = await deletePipeline(admin, renewals.id, pipelineDeleteSchema.parse({ targetPipelineId: id, stageMap }));
    expect(moved).toBe(count);
    expect(await p().pipeline.count({ where: { id: renewals.id } })).toBe(0);
    expect(await p().opportunity.count({ where: { pipelineId: id } })).toBe(count);
    const statuses = await p().opportunity.findMany({ where: { pipelineId: id }, include: { stage: true } });
    expect(statuses.every((o) => o.status === o.stage.type)).toBe(true);
    // Deals already lost keep their own reason and close date through the move.
    for (const before of lostBefore) {
      const after = statuses.find((o) => o.id === before.id)!;
      expect([after.lostReasonId, after.actualCloseDate?.toISOString()]).toEqual([before.lostReasonId, before.actualCloseDate?.toISOString()]);
    }
  });

  it("refuses every pipeline and stage action to a SALES user", async () => {
    const lead = await stageOf("Lead");
    const calls = [
      () => createPipeline(sales, { name: "Mine" }),
      () => updatePipeline(sales, lead.pipelineId, { isDefault: true }),
      () => createStage(sales, stageCreateSchema.parse({ pipelineId: lead.pipelineId, name: "X", probability: 1, type: "OPEN", color: "#000000", rottingDays: null, forecastCategory: "PIPELINE" })),
      () => updateStage(sales, lead.id, stageUpdateSchema.parse({ ...fields(lead), probability: 1 })),
      () => reorderStages(sales, { pipelineId: lead.pipelineId, ids: [lead.id] }),
      () => deleteStage(sales, lead.id, stageDeleteSchema.parse({})),
      () => listPipelineSettings(sales),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await p().stage.findUniqueOrThrow({ where: { id: lead.id } })).probability).toBe(lead.probability);
  });
});
