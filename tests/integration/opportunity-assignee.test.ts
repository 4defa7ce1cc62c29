// The assignee (issue 21, RamBase's Assignee): an optional user who works the
// deal while the owner keeps the credit. They see and change it as a member
// does (private deals included), through every service; unassigned, a private
// deal is gone for them again. On both databases.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { AppError } from "@/lib/server/errors";
import { addLineItem } from "@/lib/server/line-items/edit";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/list/export";
import { listOpportunitiesForApi } from "@/lib/server/opportunities/list/api-list";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { getOpportunity } from "@/lib/server/opportunities/read/get";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { withDemoDatabase } from "../support/settings-actors";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("opportunity assignee on %s", (kind) => {
  const demo = withDemoDatabase(kind);
  const actors = {} as Record<"admin" | "manager" | "alice" | "bob", Actor>;
  const stages: Record<string, string> = {};
  const p = () => demo.prisma();

  beforeAll(async () => {
    for (const name of ["admin", "manager", "alice", "bob"] as const) actors[name] = demo.actor(name);
    const sales = await p().pipeline.findFirstOrThrow({ where: { name: "Sales" }, include: { stages: true } });
    for (const s of sales.stages) stages[s.name] = s.id;
  });

  const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof AppError ? { code: e.code, fields: e.fields } : e));

  it("lets the assignee of a private deal read, list, export, edit, move and change its lines; the owner keeps it", async () => {
    const o = await createOpportunity(actors.alice, { title: "Assigned work", stageId: stages.Lead, isPrivate: true, amount: "900", assigneeId: actors.bob.id });
    expect(o).toMatchObject({ ownerId: actors.alice.id, assigneeId: actors.bob.id, memberIds: [] });
    expect((await getOpportunity(actors.bob, o.id)).id).toBe(o.id);
    const listed = await listOpportunitiesForApi(actors.bob, { assigneeId: actors.bob.id }, { field: "createdAt", dir: "desc" }, { skip: 0, take: 100 });
    expect(listed.rows.map((d) => d.id)).toContain(o.id);
    expect(listed.rows.every((d) => d.assigneeId === actors.bob.id)).toBe(true);
    const csv = Papa.parse<Record<string, string>>(await exportOpportunitiesCsv(actors.bob, { assigneeId: actors.bob.id }, "createdAt", "desc"), { header: true, skipEmptyLines: true }).data;
    expect(csv.find((r) => r.id === o.id)).toMatchObject({ owner: "Alice Anders", assignee: expect.stringMatching(/^Bob/) });

    const edited = await updateOpportunity(actors.bob, o.id, { title: "Assigned work, by Bob" });
    expect(edited).toMatchObject({ title: "Assigned work, by Bob", ownerId: actors.alice.id, version: 2 });
    await moveOpportunity(actors.bob, { opportunityId: o.id, stageId: stages.Qualified });
    const line = await addLineItem(actors.bob, o.id, { name: "Workshop", quantity: "1", unitPrice: "100.00" });
    expect(line.opportunity.amount).toBe("100.00");
  });

  it("hides the private deal from the former assignee once unassigned, everywhere", async () => {
    const o = await createOpportunity(actors.alice, { title: "Briefly assigned", stageId: stages.Lead, isPrivate: true, assigneeId: actors.bob.id });
    await updateOpportunity(actors.alice, o.id, { assigneeId: null });
    expect(await errorOf(getOpportunity(actors.bob, o.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(updateOpportunity(actors.bob, o.id, { title: "x" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(moveOpportunity(actors.bob, { opportunityId: o.id, stageId: stages.Qualified }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(deleteOpportunity(actors.bob, o.id))).toMatchObject({ code: "NOT_FOUND" });
    const csv = await exportOpportunitiesCsv(actors.bob, {}, "createdAt", "desc");
    expect(csv).not.toContain(o.id);
  });

  it("gives edit rights on a public deal to its assignee only", async () => {
    const o = await createOpportunity(actors.alice, { title: "Public deal", stageId: stages.Lead });
    expect(await errorOf(updateOpportunity(actors.bob, o.id, { title: "x" }))).toMatchObject({ code: "FORBIDDEN" });
    await updateOpportunity(actors.alice, o.id, { assigneeId: actors.bob.id });
    expect((await updateOpportunity(actors.bob, o.id, { title: "Bob works it" })).title).toBe("Bob works it");
    expect((await deleteOpportunity(actors.bob, o.id)).deleted).toBe(true);
  });

  it("refuses an unknown or deactivated assignee naming the field, but keeps one who was deactivated after", async () => {
    const gone = await p().user.create({ data: { email: `gone-${kind}@example.com`, name: "Gone", passwordHash: "x", active: false } });
    expect(await errorOf(createOpportunity(actors.alice, { title: "x", stageId: stages.Lead, assigneeId: "no-such-user" }))).toMatchObject({ code: "VALIDATION", fields: { assigneeId: expect.any(String) } });
    expect(await errorOf(createOpportunity(actors.alice, { title: "x", stageId: stages.Lead, assigneeId: gone.id }))).toMatchObject({ code: "VALIDATION", fields: { assigneeId: expect.any(String) } });
    const o = await createOpportunity(actors.alice, { title: "Keeps", stageId: stages.Lead, assigneeId: actors.bob.id });
    await p().user.update({ where: { id: actors.bob.id }, data: { active: false } });
    try {
      expect((await updateOpportunity(actors.alice, o.id, { assigneeId: actors.bob.id, title: "Still Bob" })).assigneeId).toBe(actors.bob.id);
    } finally {
      await p().user.update({ where: { id: actors.bob.id }, data: { active: true } });
    }
  });
});
