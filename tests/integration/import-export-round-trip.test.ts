// The exports import back without manual mapping (issue 19): the opportunity
// export of one database, imported into a fresh one with the guessed
// settings, gives the same deals; account and contact exports stream the
// list's search; line items export only what the user may see.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase as installDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { exportAccountsCsv } from "@/lib/server/accounts/export";
import { exportContactsCsv } from "@/lib/server/contacts/export";
import { chunksOf } from "@/lib/server/imports/csv-read";
import { getImport } from "@/lib/server/imports/read";
import { runImportJob, startImport } from "@/lib/server/imports/run";
import { configureImport, uploadImport } from "@/lib/server/imports/upload";
import { exportLineItemsCsv } from "@/lib/server/line-items/export";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/list/export";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const ALL = parseOpportunityTableQuery({}).filters;
const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const rows = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;

describe.each(availableKinds())("exports that import back on %s", (kind) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;

  beforeAll(async () => {
    [source, target] = await Promise.all([createMigratedDatabase(kind), createMigratedDatabase(kind)]);
    for (const t of [source, target]) {
      installDatabase(t.db);
      await seedDemoData(t.db.prisma);
    }
    installDatabase(source.db);
    actors = await demoActors(source.db);
  }, 600_000);
  afterAll(async () => {
    installDatabase(undefined);
    await source?.drop();
    await target?.drop();
  });

  it("re-imports the opportunity export into another database with no mapping, deal for deal", async () => {
    installDatabase(source.db);
    const csv = await exportOpportunitiesCsv(actors.manager, ALL, "createdAt", "desc");
    const exported = rows(csv);
    expect(exported.length).toBeGreaterThan(20);
    // The same users, pipelines, accounts and lists exist in the target (the same seed); its own deals are removed.
    installDatabase(target.db);
    await target.db.prisma.opportunity.deleteMany({});
    const manager = (await demoActors(target.db)).manager;
    const draft = await uploadImport(manager, { entity: "opportunity", fileName: "export.csv", body: chunksOf(new TextEncoder().encode(csv)) });
    expect(draft.settings.mapping.filter(Boolean).length).toBeGreaterThan(10);
    await configureImport(manager, draft.id, {});
    await startImport(manager, draft.id, { dryRun: false });
    await runImportJob({ importId: draft.id, dryRun: false }, new AbortController().signal);
    const done = await getImport(manager, draft.id);
    expect({ status: done.status, failed: done.failedCount, created: done.createdCount }).toEqual({ status: "DONE", failed: 0, created: exported.length });
    const reexported = rows(await exportOpportunitiesCsv(manager, ALL, "createdAt", "desc"));
    const comparable = (r: Record<string, string>) => {
      const { id: _id, createdAt, ...rest } = r;
      return { ...rest, createdOn: createdAt.slice(0, 10) };
    };
    const byTitle = (list: Record<string, string>[]) => new Map(list.map((r) => [`${r.title}|${r.externalId}|${r.amount}`, comparable(r)]));
    expect(byTitle(reexported)).toEqual(byTitle(exported));
    installDatabase(source.db);
  }, 600_000);

  it("streams the account and contact exports with the list's search, and they import back", async () => {
    installDatabase(source.db);
    const accounts = rows(await text(exportAccountsCsv(actors.alice, "")));
    expect(accounts.length).toBe(await source.db.prisma.account.count());
    const some = accounts[0].name;
    expect(rows(await text(exportAccountsCsv(actors.alice, some))).every((a) => JSON.stringify(a).toLowerCase().includes(some.toLowerCase()))).toBe(true);
    const contacts = rows(await text(exportContactsCsv(actors.alice, "")));
    expect(contacts.length).toBe(await source.db.prisma.contact.count());
    const draft = await uploadImport(actors.manager, { entity: "contact", fileName: "contacts.csv", body: chunksOf(new TextEncoder().encode(await text(exportContactsCsv(actors.alice, "")))) });
    expect(draft.settings.mapping).toEqual(["firstName", "lastName", "externalId", "email", "phone", "jobTitle", "account"]);
  });

  it("exports line items of visible deals only", async () => {
    installDatabase(source.db);
    const stage = await source.db.prisma.stage.findFirstOrThrow({ where: { name: "Lead" } });
    const secret = await createOpportunity(actors.alice, { title: "Secret with lines", stageId: stage.id, isPrivate: true, lineItems: [{ name: "Hidden line =cmd", quantity: "1", unitPrice: "10.00" }] } as never);
    const bob = rows(await text(exportLineItemsCsv(actors.bob, ALL)));
    expect(bob.some((r) => r.opportunityId === secret.id)).toBe(false);
    const alice = rows(await text(exportLineItemsCsv(actors.alice, parseOpportunityTableQuery({ q: "Secret with lines" }).filters)));
    expect(alice).toEqual([expect.objectContaining({ opportunityId: secret.id, name: "Hidden line =cmd", quantity: "1.0000", unitPrice: "10.00", total: "10.00" })]);
  });
});
