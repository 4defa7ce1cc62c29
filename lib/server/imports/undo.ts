// Step 8: undo, for 7 days after an import finished. Records it created are
// deleted and records it updated get their previous values back, each
// through its entity's service (events, rules) with the stamp the import left
// as the precondition. Undo is refused as a whole, with the records named,
// when any of them changed since (or, for an account or contact it created,
// when something outside the import now uses it).
import { prisma } from "@/lib/db";
import type { ImportEntity } from "@/lib/domain/import/fields";
import type { OpportunityUpdateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../auth/actor";
import { deleteAccount, updateAccount } from "../accounts/write";
import { writeAudit } from "../audit/write";
import { deleteContact, updateContact } from "../contacts/write";
import { AppError } from "../errors";
import { toAppError } from "../error-mapping";
import { enqueueJobs } from "../jobs/enqueue";
import { deleteOpportunity } from "../opportunities/write/delete";
import { updateOpportunity } from "../opportunities/write/update";
import { importFor } from "./access";
import { toImportDto, UNDO_DAYS, type ImportDto } from "./dto";

export const UNDO_JOB = "import.undo";
const PAGE = 200;
/** Deals first, then contacts, then accounts: what an import created may use an account it created. */
const ORDER: ImportEntity[] = ["opportunity", "contact", "account"];

interface Changed {
  recordType: string;
  label: string;
}

/** Records of the import changed since it wrote them (at most `limit`). */
async function changedSince(importId: string, limit = 5): Promise<Changed[]> {
  return prisma().$queryRaw<Changed[]>`
    SELECT 'opportunity' AS "recordType", o."title" AS "label" FROM "ImportRecord" r JOIN "Opportunity" o ON o."id" = r."recordId"
      WHERE r."importId" = ${importId} AND r."recordType" = 'opportunity' AND o."version"::text <> r."stamp"
    UNION ALL
    SELECT 'account', a."name" FROM "ImportRecord" r JOIN "Account" a ON a."id" = r."recordId"
      WHERE r."importId" = ${importId} AND r."recordType" = 'account' AND (a."updatedAt" <> r."stamp"::timestamptz
        OR (r."action" = 'created' AND (
          EXISTS (SELECT 1 FROM "Opportunity" o WHERE o."accountId" = a."id" AND NOT EXISTS (SELECT 1 FROM "ImportRecord" x WHERE x."importId" = r."importId" AND x."recordId" = o."id" AND x."action" = 'created'))
          OR EXISTS (SELECT 1 FROM "Contact" c WHERE c."accountId" = a."id" AND NOT EXISTS (SELECT 1 FROM "ImportRecord" x WHERE x."importId" = r."importId" AND x."recordId" = c."id" AND x."action" = 'created')))))
    UNION ALL
    SELECT 'contact', c."firstName" || ' ' || c."lastName" FROM "ImportRecord" r JOIN "Contact" c ON c."id" = r."recordId"
      WHERE r."importId" = ${importId} AND r."recordType" = 'contact' AND (c."updatedAt" <> r."stamp"::timestamptz
        OR (r."action" = 'created' AND EXISTS (SELECT 1 FROM "OpportunityContact" oc WHERE oc."contactId" = c."id" AND NOT EXISTS (SELECT 1 FROM "ImportRecord" x WHERE x."importId" = r."importId" AND x."recordId" = oc."opportunityId" AND x."action" = 'created'))))
    LIMIT ${limit}`;
}

/** Checks that undo is possible and queues it; refused with the records named when some changed since. */
export async function undoImport(actor: Actor, id: string): Promise<ImportDto> {
  const row = await importFor(actor, id);
  const dto = toImportDto(row);
  if (row.status === "UNDONE" || row.status === "UNDOING") throw new AppError("CONFLICT", "This import is already undone");
  if (!dto.undoUntil) throw new AppError("CONFLICT", "Only a finished import can be undone");
  if (Date.parse(dto.undoUntil) < Date.now()) throw new AppError("CONFLICT", `An import can be undone for ${UNDO_DAYS} days; this one finished on ${dto.finishedAt!.slice(0, 10)}`);
  const changed = await changedSince(id);
  if (changed.length) {
    const names = changed.map((c) => `${c.recordType} "${c.label}"`).join(", ");
    throw new AppError("CONFLICT", `Undo is refused: ${changed.length === 5 ? "at least 5 records" : changed.length === 1 ? "a record" : `${changed.length} records`} changed since the import (${names}). Change them back or edit them by hand.`);
  }
  const updated = await prisma().$transaction(async (tx) => {
    const moved = await tx.import.updateMany({ where: { id, status: row.status }, data: { status: "UNDOING", processedRows: 0, undoneById: actor.id, error: null, startedAt: new Date() } });
    if (moved.count === 0) throw new AppError("CONFLICT", "This import changed meanwhile; reload it");
    await writeAudit(tx, actor, { action: "import.undo", entity: "Import", entityId: id, before: { created: row.createdCount, updated: row.updatedCount } });
    await enqueueJobs([{ kind: UNDO_JOB, payload: { importId: id }, groupKey: `import:${id}` }], tx);
    return tx.import.findUniqueOrThrow({ where: { id } });
  });
  return toImportDto(updated);
}

interface UndoRecord {
  recordType: string;
  recordId: string;
  action: string;
  previous: unknown;
  stamp: string;
  seq: number;
}

async function undoOne(actor: Actor, r: UndoRecord): Promise<void> {
  const previous = (r.previous ?? {}) as Record<string, unknown>;
  if (r.recordType === "opportunity") {
    if (r.action === "created") await deleteOpportunity(actor, r.recordId, Number(r.stamp));
    else await updateOpportunity(actor, r.recordId, { ...(previous as OpportunityUpdateInput), version: Number(r.stamp) });
  } else if (r.recordType === "account") {
    if (r.action === "created") await deleteAccount(actor, { id: r.recordId }, new Date(r.stamp));
    else await updateAccount(actor, r.recordId, previous, new Date(r.stamp));
  } else if (r.action === "created") await deleteContact(actor, { id: r.recordId }, new Date(r.stamp));
  else await updateContact(actor, r.recordId, previous, new Date(r.stamp));
}

/** The undo job: record by record, in the order above; a record changed in the meantime is left and reported. */
export async function runUndoJob(payload: { importId: string }): Promise<void> {
  const row = await prisma().import.findUnique({ where: { id: payload.importId } });
  if (!row || row.status !== "UNDOING" || !row.undoneById) return;
  const actor = { ...(await prisma().user.findUniqueOrThrow({ where: { id: row.undoneById }, select: { id: true, email: true, name: true, role: true } })) };
  const failures: string[] = [];
  let done = 0;
  for (const recordType of ORDER) {
    // Newest row first, keyset-paged on (seq, recordId).
    let after: { seq: number; recordId: string } | null = null;
    for (;;) {
      const page: UndoRecord[] = await prisma().importRecord.findMany({
        where: { importId: row.id, recordType, ...(after ? { OR: [{ seq: { lt: after.seq } }, { seq: after.seq, recordId: { lt: after.recordId } }] } : {}) },
        orderBy: [{ seq: "desc" }, { recordId: "desc" }],
        take: PAGE,
      });
      if (page.length === 0) break;
      for (const r of page) {
        try {
          await undoOne(actor, r);
        } catch (error) {
          const known = toAppError(error);
          if (known?.code !== "NOT_FOUND") failures.push(`${r.recordType} ${r.recordId}: ${known?.message ?? "failed"}`);
        }
      }
      done += page.length;
      after = page[page.length - 1];
      await prisma().import.update({ where: { id: row.id }, data: { processedRows: done } });
    }
  }
  await prisma().import.update({
    where: { id: row.id },
    data: { status: "UNDONE", undoneAt: new Date(), processedRows: done, error: failures.length ? `${failures.length} record(s) could not be undone: ${failures.slice(0, 5).join("; ")}` : null },
  });
}
