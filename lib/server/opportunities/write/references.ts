// Checks that every id an opportunity input points at exists (and is usable),
// collecting one message per field so the form can show them all at once.
// The look-ups are columns of the write's one read statement (create-read.ts,
// update-read.ts): referencesSql adds one per field the input sets, and
// checkReferences judges what they found.
import { Prisma } from "@/lib/db/generated/client";
import type { OpportunityUpdateInput } from "@/lib/validation/opportunity";
import { AppError } from "../../errors";

export interface CheckedCurrency {
  code: string;
  rateToBase: string;
}

/** What referencesSql's columns found; a column the input did not need is absent. */
export interface ReferenceRead {
  externalIdTaken?: boolean;
  users?: { id: string; active: boolean }[];
  accountFound?: boolean;
  contactsFound?: string[];
  sourceFound?: boolean;
  typeFound?: boolean;
  labelsFound?: string[];
  currencyFound?: (CheckedCurrency & { active: boolean }) | null;
}

export const DUPLICATE_EXTERNAL_ID = "Another opportunity already uses this external id";

const users = (input: OpportunityUpdateInput) =>
  [...new Set([...(input.ownerId ? [input.ownerId] : []), ...(input.assigneeId ? [input.assigneeId] : []), ...(input.memberIds ?? [])])];

/**
 * SELECT-list columns looking up what `input` points at. `selfId` is the SQL
 * of the id of the opportunity being edited (its own externalId is no clash).
 */
export function referencesSql(input: OpportunityUpdateInput, selfId: Prisma.Sql | null): Prisma.Sql[] {
  const columns: Prisma.Sql[] = [];
  if (input.externalId) {
    const other = selfId ? Prisma.sql` AND x."id" <> ${selfId}` : Prisma.empty;
    columns.push(Prisma.sql`EXISTS (SELECT 1 FROM "Opportunity" x WHERE x."externalId" = ${input.externalId}::text${other}) AS "externalIdTaken"`);
  }
  const ids = users(input);
  if (ids.length) {
    columns.push(Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('id', u."id", 'active', u."active")), '[]') FROM "User" u WHERE u."id" = ANY(${ids}::text[])) AS "users"`);
  }
  if (input.accountId) columns.push(Prisma.sql`EXISTS (SELECT 1 FROM "Account" a WHERE a."id" = ${input.accountId}::text) AS "accountFound"`);
  if (input.contacts?.length) {
    const contactIds = input.contacts.map((c) => c.contactId);
    columns.push(Prisma.sql`ARRAY(SELECT c."id" FROM "Contact" c WHERE c."id" = ANY(${contactIds}::text[])) AS "contactsFound"`);
  }
  if (input.sourceId) columns.push(Prisma.sql`EXISTS (SELECT 1 FROM "Source" s WHERE s."id" = ${input.sourceId}::text) AS "sourceFound"`);
  if (input.typeId) columns.push(Prisma.sql`EXISTS (SELECT 1 FROM "OpportunityType" t WHERE t."id" = ${input.typeId}::text) AS "typeFound"`);
  if (input.labels?.length) columns.push(Prisma.sql`ARRAY(SELECT l."key" FROM "Label" l WHERE l."key" = ANY(${input.labels}::text[])) AS "labelsFound"`);
  if (input.currency) {
    columns.push(Prisma.sql`(SELECT json_build_object('code', c."code", 'rateToBase', c."rateToBase"::text, 'active', c."active") FROM "Currency" c WHERE c."code" = ${input.currency}::text) AS "currencyFound"`);
  }
  return columns;
}

/**
 * Throws one VALIDATION error listing every unknown reference in `input`, or
 * CONFLICT for a taken externalId (unique across opportunities). `current`
 * is the opportunity being edited: deactivated people may stay where they
 * already are; only new assignments must be active.
 */
export function checkReferences(
  found: ReferenceRead,
  input: OpportunityUpdateInput,
  current: { ownerId: string; assigneeId: string | null; memberIds: string[] } | null,
): { currency: CheckedCurrency | null } {
  if (found.externalIdTaken) {
    // A duplicate is a 409 for the API (DESIGN.md), still named on its field for the form.
    throw new AppError("CONFLICT", DUPLICATE_EXTERNAL_ID, { externalId: DUPLICATE_EXTERNAL_ID });
  }
  const fields: Record<string, string> = {};
  if (found.users) {
    const active = new Set(found.users.filter((u) => u.active).map((u) => u.id));
    const existing = new Set(found.users.map((u) => u.id));
    if (input.ownerId && !active.has(input.ownerId) && !(existing.has(input.ownerId) && input.ownerId === current?.ownerId)) {
      fields.ownerId = "Choose an active user as owner";
    }
    if (input.assigneeId && !active.has(input.assigneeId) && !(existing.has(input.assigneeId) && input.assigneeId === current?.assigneeId)) {
      fields.assigneeId = "Choose an active user as assignee";
    }
    const wasMember = new Set(current?.memberIds ?? []);
    const missing = (input.memberIds ?? []).findIndex((id) => !active.has(id) && !(existing.has(id) && wasMember.has(id)));
    if (missing >= 0) fields[`memberIds.${missing}`] = "Choose active users as members";
  }
  if (found.accountFound === false) fields.accountId = "This account no longer exists";
  if (found.contactsFound && input.contacts) {
    const present = new Set(found.contactsFound);
    const missing = input.contacts.findIndex((c) => !present.has(c.contactId));
    if (missing >= 0) fields[`contacts.${missing}.contactId`] = "This contact no longer exists";
  }
  if (found.sourceFound === false) fields.sourceId = "Choose one of the sources";
  if (found.typeFound === false) fields.typeId = "Choose one of the types";
  if (found.labelsFound && input.labels) {
    const present = new Set(found.labelsFound);
    const missing = input.labels.find((l) => !present.has(l));
    if (missing) fields.labels = `Unknown label "${missing}"`;
  }
  let currency: CheckedCurrency | null = null;
  if (found.currencyFound !== undefined) {
    const row = found.currencyFound;
    if (!row || !row.active) fields.currency = "Choose one of the active currencies";
    else currency = { code: row.code, rateToBase: row.rateToBase };
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "Some fields point at records that do not exist", fields);
  return { currency };
}

/** A subquery: the key of the last card in the column of stage `stageId` (SQL), null when it is empty. */
export function lastRankSql(stageId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT l."rank" FROM "Opportunity" l WHERE l."stageId" = ${stageId} ORDER BY l."rank" DESC, l."id" DESC LIMIT 1)`;
}
