import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { chunksOf } from "@/lib/server/imports/csv-read";
import { findMatch } from "@/lib/server/imports/match";
import { getImport, importErrors, importErrorsCsv, listImports, saveMapping, listSavedMappings } from "@/lib/server/imports/read";
import { runImportJob, startImport } from "@/lib/server/imports/run";
import { runUndoJob, undoImport } from "@/lib/server/imports/undo";
import { configureImport, uploadImport } from "@/lib/server/imports/upload";
import type { ImportEntity } from "@/lib/domain/import/fields";
import { importSettingsUpdateSchema } from "@/lib/validation/imports";
import { demoActors } from "../support/demo-actors";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ "€": 0x80 })[c] ?? c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe.each(availableKinds())("CSV imports on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    actors = await demoActors(t.db);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; message: string; fields?: Record<string, string> }) => ({ code: e.code, message: e.message, fields: e.fields }));
  const upload = (actor: Actor, entity: ImportEntity, bytes: Uint8Array | string, fileName = "file.csv") =>
    uploadImport(actor, { entity, fileName, body: chunksOf(typeof bytes === "string" ? utf8(bytes) : bytes, 5) });
  /** What the job worker does: the queued job's handler, run here in the test's process. */
  async function run(actor: Actor, id: string, dryRun: boolean) {
    await startImport(actor, id, { dryRun });
    const job = await t.db.prisma.job.findFirstOrThrow({ where: { kind: "import.run", status: "QUEUED" }, orderBy: { id: "desc" } });
    expect(job.payload).toEqual({ importId: id, dryRun });
    await runImportJob(job.payload as { importId: string; dryRun: boolean }, new AbortController().signal);
    await t.db.prisma.job.update({ where: { id: job.id }, data: { status: "DONE" } });
    return getImport(actor, id);
  }
  async function undo(actor: Actor, id: string) {
    await undoImport(actor, id);
    const job = await t.db.prisma.job.findFirstOrThrow({ where: { kind: "import.undo", status: "QUEUED" }, orderBy: { id: "desc" } });
    await runUndoJob(job.payload as { importId: string });
    await t.db.prisma.job.update({ where: { id: job.id }, data: { status: "DONE" } });
    return getImport(actor, id);
  }

  it("reads a European Excel file, lists every bad row, maps unknown stages, imports through the services with events and history", async () => {
    const file = [
      "Deal - Title;Deal - Value;Deal - Stage;Deal - Organization;Deal - Owner;Close Date;Deal - Deal created;Deal - Label",
      "Café contract;€1.234,56;Lead;Import Org One;alice@example.com;31/12/2026;15/01/2026;Hot",
      "Second deal;2.000,00;Proposal;Import Org One;Bob Baker;01/02/2027;;",
      "Bad amount;12.50;Lead;;alice@example.com;;;",
      "Unknown stage;100;Discovery;;alice@example.com;;;",
      "=HYPERLINK(\"http://evil\");5;Lead;;;;;",
      "Won in the past;3.000;Won;;manager@example.com;;01/03/2026;",
      "Ragged;1;Lead",
    ].join("\r\n");
    const draft = await upload(actors.manager, "opportunity", cp1252(file), "pipedrive.csv");
    expect(draft.settings).toMatchObject({ encoding: "windows-1252", delimiter: ";", newline: "\r\n", numberStyle: "comma", dateFormat: "DMY", mode: "create" });
    expect(draft.settings.mapping).toEqual(["title", "amount", "stage", "account", "owner", "expectedCloseDate", "createdAt", "labels"]);
    expect(draft.totalRows).toBe(7);
    expect(draft.preview!.sample[0][0]).toBe("Café contract");

    await configureImport(actors.manager, draft.id, { createMissing: true });
    const dry = await run(actors.manager, draft.id, true);
    expect(dry.status).toBe("VALIDATED");
    expect(dry.failedCount).toBe(3);
    expect(dry.preview).toMatchObject({ wouldCreate: 4, accountsToCreate: 1, unknown: { stage: ["Discovery"] } });
    expect(dry.preview!.rows![0]).toEqual({ row: 2, action: "create", values: expect.objectContaining({ Title: "Café contract", Amount: "€1.234,56" }) });
    expect((await importErrors(actors.manager, draft.id, { limit: 50, offset: 0 })).data).toEqual([
      { row: 4, column: "Deal - Value", message: 'Write numbers like 1.234,56 (this file uses "," for decimals)' },
      { row: 5, column: "Deal - Stage", message: 'Unknown stage "Discovery"' },
      { row: 8, column: null, message: "This row has 3 cells; the header has 8" },
    ]);
    // A dry run writes nothing.
    expect(await t.db.prisma.account.count({ where: { name: "Import Org One" } })).toBe(0);

    // The unknown stage is mapped to an existing one, and the dry run agrees.
    const qualified = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Qualified" } });
    await configureImport(actors.manager, draft.id, { references: { stage: { discovery: qualified.id } } });
    expect((await run(actors.manager, draft.id, true)).failedCount).toBe(2);

    const eventsBefore = await t.db.prisma.event.count();
    const done = await run(actors.manager, draft.id, false);
    expect(done).toMatchObject({ status: "DONE", createdCount: 5, failedCount: 2, processedRows: 7, totalRows: 7 });
    const deals = await t.db.prisma.opportunity.findMany({ where: { title: { in: ["Café contract", "Second deal", "Unknown stage", "=HYPERLINK(\"http://evil\")", "Won in the past"] } }, include: { account: true, stage: true } });
    expect(deals).toHaveLength(5);
    const cafe = deals.find((d) => d.title === "Café contract")!;
    expect({ amount: cafe.amount.toFixed(2), currency: cafe.currencyCode, account: cafe.account?.name, ownerId: cafe.ownerId, labels: cafe.labels }).toEqual({
      amount: "1234.56", currency: "EUR", account: "Import Org One", ownerId: actors.alice.id, labels: ["HOT"],
    });
    expect(cafe.createdAt.toISOString().slice(0, 10)).toBe("2026-01-15");
    expect(cafe.stageChangedAt.toISOString().slice(0, 10)).toBe("2026-01-15");
    expect(deals.find((d) => d.title === "Unknown stage")!.stage.name).toBe("Qualified");
    const won = deals.find((d) => d.title === "Won in the past")!;
    expect({ status: won.status, created: won.createdAt.toISOString().slice(0, 10) }).toEqual({ status: "WON", created: "2026-03-01" });
    // The first StageChange carries the imported date too (sales-cycle figures).
    expect((await t.db.prisma.stageChange.findFirstOrThrow({ where: { opportunityId: cafe.id } })).changedAt.toISOString().slice(0, 10)).toBe("2026-01-15");
    // One account made on the fly for two rows; an event for every record written.
    expect(await t.db.prisma.account.count({ where: { name: "Import Org One" } })).toBe(1);
    expect(await t.db.prisma.event.count()).toBe(eventsBefore + 5 + 1);
    expect(await t.db.prisma.event.count({ where: { recordId: { in: deals.map((d) => d.id) }, type: "opportunity.created" } })).toBe(5);
    // The rejected rows, downloadable with an error column; formula-looking cells are guarded in it.
    const bytes = new Uint8Array(await new Response((await importErrorsCsv(actors.manager, draft.id)).body).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n").slice(0, 3)).toEqual([
      "row,Deal - Title,Deal - Value,Deal - Stage,Deal - Organization,Deal - Owner,Close Date,Deal - Deal created,Deal - Label,error",
      '4,Bad amount,12.50,Lead,,alice@example.com,,,,"Deal - Value: Write numbers like 1.234,56 (this file uses "","" for decimals)"',
      "8,Ragged,1,Lead,,,,,,This row has 3 cells; the header has 8",
    ]);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: "import.run", entityId: draft.id } });
    expect(audit.after).toMatchObject({ created: 5, failed: 2, fileName: "pipedrive.csv" });
    expect((await listImports(actors.admin)).map((i) => i.id)).toContain(draft.id);

    // Undo: the deals and the account it made are gone, with their events.
    const undone = await undo(actors.manager, draft.id);
    expect(undone).toMatchObject({ status: "UNDONE", error: null });
    expect(await t.db.prisma.opportunity.count({ where: { id: { in: deals.map((d) => d.id) } } })).toBe(0);
    expect(await t.db.prisma.account.count({ where: { name: "Import Org One" } })).toBe(0);
    expect(await t.db.prisma.event.count({ where: { recordId: cafe.id, type: "opportunity.deleted" } })).toBe(1);
    expect(await errorOf(undoImport(actors.manager, draft.id))).toMatchObject({ code: "CONFLICT", message: "This import is already undone" });
  });

  it("updates and creates by external id, undoes to the previous values, and refuses undo after a later change", async () => {
    const lead = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Lead" } });
    const existing = await createOpportunity(actors.alice, { title: "Synced deal", stageId: lead.id, externalId: "sf-001", amount: "100.00" });
    const file = "Opportunity ID,Opportunity Name,Amount,Stage\nsf-001,Synced deal renamed,250.50,Proposal\nsf-002,Brand new,10,Lead\n";
    const draft = await upload(actors.admin, "opportunity", file);
    expect(await errorOf(configureImport(actors.admin, draft.id, { mode: "upsert", matchBy: "email" }))).toMatchObject({ code: "VALIDATION", fields: { mapping: expect.stringContaining("Match opportunities by externalId") } });
    // Through the shared validator, as the action and the API call it: it must not reset the file's guessed line ending.
    await configureImport(actors.admin, draft.id, importSettingsUpdateSchema.parse({ mode: "upsert" }));
    const done = await run(actors.admin, draft.id, false);
    expect(done).toMatchObject({ status: "DONE", createdCount: 1, updatedCount: 1, failedCount: 0 });
    const after = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: existing.id }, include: { stage: true } });
    expect({ title: after.title, amount: after.amount.toFixed(2), stage: after.stage.name, probability: after.probability }).toEqual({ title: "Synced deal renamed", amount: "250.50", stage: "Proposal", probability: 50 });
    expect(await t.db.prisma.event.count({ where: { recordId: existing.id, type: { in: ["opportunity.updated", "opportunity.stage_changed"] } } })).toBe(1);

    // Changed by hand since: undo is refused as a whole, naming the deal.
    await updateOpportunity(actors.alice, existing.id, { description: "edited by hand" });
    expect(await errorOf(undoImport(actors.admin, draft.id))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining('opportunity "Synced deal renamed"') });
    expect(await t.db.prisma.opportunity.count({ where: { externalId: "sf-002" } })).toBe(1);

    // A second import of the same kind, untouched since: undo restores the previous values.
    const again = await upload(actors.admin, "opportunity", "Opportunity ID,Amount\nsf-001,999.00\n");
    await configureImport(actors.admin, again.id, { mode: "update" });
    expect(await run(actors.admin, again.id, false)).toMatchObject({ status: "DONE", updatedCount: 1 });
    expect((await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: existing.id } })).amount.toFixed(2)).toBe("999.00");
    expect(await undo(actors.admin, again.id)).toMatchObject({ status: "UNDONE", error: null });
    const restored = await t.db.prisma.opportunity.findUniqueOrThrow({ where: { id: existing.id } });
    expect({ amount: restored.amount.toFixed(2), description: restored.description, probabilityOverridden: restored.probabilityOverridden }).toEqual({ amount: "250.50", description: "edited by hand", probabilityOverridden: false });

    // Create only: an existing external id is a row error, update only: an unknown one.
    const strict = await upload(actors.admin, "opportunity", "Opportunity ID,Opportunity Name,Stage\nsf-001,Dup,Lead\n");
    expect(await run(actors.admin, strict.id, true)).toMatchObject({ failedCount: 1 });
    expect((await importErrors(actors.admin, strict.id, { limit: 5, offset: 0 })).data[0]).toEqual({ row: 2, column: "Opportunity ID", message: "An existing opportunity has this external id; choose update or create-or-update to change it" });
  });

  it("imports contacts creating their accounts, matches accounts by domain, and undoes contacts before accounts", async () => {
    const accounts = await upload(actors.manager, "account", 'Company name,Website URL,Number of Employees,Record ID\nDomain Co,https://www.domain.example/about,"1,200",hs-1\n');
    expect((await run(actors.manager, accounts.id, false))).toMatchObject({ createdCount: 1 });
    const byDomain = await upload(actors.manager, "account", "Company name,Website URL,City\nDomain Co Renamed,domain.example,Lyon\n");
    await configureImport(actors.manager, byDomain.id, { mode: "update", matchBy: "domain" });
    expect(await run(actors.manager, byDomain.id, false)).toMatchObject({ updatedCount: 1, failedCount: 0 });
    expect(await t.db.prisma.account.findUniqueOrThrow({ where: { externalId: "hs-1" } })).toMatchObject({ name: "Domain Co Renamed", city: "Lyon", employees: 1200 });

    const contacts = await upload(actors.manager, "contact", "First Name,Last Name,Email,Company Name\nAna,Import,ana@import.example,New Co From Contacts\nBen,Import,not-an-email,New Co From Contacts\n");
    await configureImport(actors.manager, contacts.id, { createMissing: true });
    const done = await run(actors.manager, contacts.id, false);
    expect(done).toMatchObject({ createdCount: 1, failedCount: 1 });
    expect((await importErrors(actors.manager, contacts.id, { limit: 5, offset: 0 })).data).toEqual([{ row: 3, column: "Email", message: "Enter an email address like name@example.com" }]);
    const ana = await t.db.prisma.contact.findFirstOrThrow({ where: { email: "ana@import.example" }, include: { account: true } });
    expect(ana.account?.name).toBe("New Co From Contacts");
    expect(await undo(actors.manager, contacts.id)).toMatchObject({ status: "UNDONE", error: null });
    expect(await t.db.prisma.contact.count({ where: { email: "ana@import.example" } })).toBe(0);
    expect(await t.db.prisma.account.count({ where: { name: "New Co From Contacts" } })).toBe(0);
  });

  it("refuses files it cannot read, keeping nothing of them", async () => {
    const before = await t.db.prisma.import.count();
    const cases: [Uint8Array | string, string][] = [
      ["", "The file is empty"],
      [new Uint8Array([0xef, 0xbb, 0xbf]), "The file is empty"],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x08]), "This is not a CSV file (it looks like a binary file); save it as CSV first"],
      ["title,stage\n", "The file has a header row but no data rows"],
      ["title,Title\nx,y\n", 'The column name "Title" is used twice (columns 1 and 2); rename one'],
    ];
    for (const [bytes, message] of cases) {
      expect(await errorOf(upload(actors.admin, "opportunity", bytes))).toEqual({ code: "VALIDATION", message, fields: { file: message } });
    }
    expect(await t.db.prisma.import.count()).toBe(before);
    expect(await t.db.prisma.importChunk.count({ where: { import: { status: "UPLOADING" } } })).toBe(0);
  });

  it("is for admins and managers; matching never reveals a deal the importer cannot see", async () => {
    expect(await errorOf(upload(actors.alice, "opportunity", "title,stage\nx,Lead\n"))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(listImports(actors.bob))).toMatchObject({ code: "FORBIDDEN" });
    const mine = await upload(actors.manager, "opportunity", "title,stage\nx,Lead\n");
    expect(await errorOf(getImport(actors.alice, mine.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(startImport(actors.admin, mine.id, { dryRun: true }))).toMatchObject({ code: "FORBIDDEN" });
    const lead = await t.db.prisma.stage.findFirstOrThrow({ where: { name: "Lead" } });
    await createOpportunity(actors.bob, { title: "Bob's secret", stageId: lead.id, externalId: "secret-1", isPrivate: true });
    expect(await findMatch(actors.alice, "opportunity", "externalId", "secret-1")).toEqual({ kind: "refused", message: "This external id belongs to an opportunity you cannot see" });
    expect(await findMatch(actors.manager, "opportunity", "externalId", "secret-1")).toMatchObject({ kind: "found" });
  });

  it("saves a mapping and reuses it for a file with the same headers", async () => {
    await saveMapping(actors.manager, { name: "Our sheet", entity: "opportunity", columns: { Deal: "title", Phase: "stage", Memo: null } });
    const [saved] = await listSavedMappings(actors.manager, "opportunity");
    const draft = await uploadImport(actors.manager, { entity: "opportunity", fileName: "x.csv", body: chunksOf(utf8("Deal,Phase,Memo\nA,Lead,x\n")), savedMappingId: saved.id });
    expect(draft.settings.mapping).toEqual(["title", "stage", null]);
    expect(await errorOf(uploadImport(actors.admin, { entity: "opportunity", fileName: "x.csv", body: chunksOf(utf8("Deal\nA\n")), savedMappingId: saved.id }))).toMatchObject({ code: "VALIDATION", fields: { mappingId: expect.any(String) } });
  });
});
