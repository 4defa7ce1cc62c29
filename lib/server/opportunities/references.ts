// Checks that every id an opportunity input points at exists (and is usable),
// collecting one message per field so the form can show them all at once.
import type { Prisma } from "@/lib/db/generated/client";
import type { OpportunityUpdateInput } from "@/lib/validation/opportunity";
import { AppError } from "../errors";

type Tx = Prisma.TransactionClient;

export interface CheckedCurrency {
  code: string;
  rateToBase: string;
}

/**
 * Throws one VALIDATION error listing every unknown reference in `input`, or
 * CONFLICT for a taken externalId (unique across opportunities; `selfId` is the one being edited).
 */
export async function checkReferences(tx: Tx, input: OpportunityUpdateInput, selfId?: string): Promise<{ currency: CheckedCurrency | null }> {
  if (input.externalId && (await tx.opportunity.count({ where: { externalId: input.externalId, ...(selfId ? { NOT: { id: selfId } } : {}) } }))) {
    // A duplicate is a 409 for the API (DESIGN.md), still named on its field for the form.
    const message = "Another opportunity already uses this external id";
    throw new AppError("CONFLICT", message, { externalId: message });
  }
  const fields: Record<string, string> = {};
  const users = [...new Set([...(input.ownerId ? [input.ownerId] : []), ...(input.memberIds ?? [])])];
  if (users.length) {
    // Deactivated people may stay where they already are; only new assignments must be active.
    const current = selfId
      ? await tx.opportunity.findUnique({ where: { id: selfId }, select: { ownerId: true, members: { select: { userId: true } } } })
      : null;
    const active = new Set((await tx.user.findMany({ where: { id: { in: users }, active: true }, select: { id: true } })).map((u) => u.id));
    const existing = new Set((await tx.user.findMany({ where: { id: { in: users } }, select: { id: true } })).map((u) => u.id));
    if (input.ownerId && !active.has(input.ownerId) && !(existing.has(input.ownerId) && input.ownerId === current?.ownerId)) {
      fields.ownerId = "Choose an active user as owner";
    }
    const wasMember = new Set(current?.members.map((m) => m.userId) ?? []);
    const missing = (input.memberIds ?? []).findIndex((id) => !active.has(id) && !(existing.has(id) && wasMember.has(id)));
    if (missing >= 0) fields[`memberIds.${missing}`] = "Choose active users as members";
  }
  if (input.accountId && !(await tx.account.count({ where: { id: input.accountId } }))) fields.accountId = "This account no longer exists";
  if (input.contacts?.length) {
    const ids = input.contacts.map((c) => c.contactId);
    const found = new Set((await tx.contact.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((c) => c.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) fields[`contacts.${missing}.contactId`] = "This contact no longer exists";
  }
  if (input.sourceId && !(await tx.source.count({ where: { id: input.sourceId } }))) fields.sourceId = "Choose one of the sources";
  if (input.typeId && !(await tx.opportunityType.count({ where: { id: input.typeId } }))) fields.typeId = "Choose one of the types";
  if (input.labels?.length) {
    const found = new Set((await tx.label.findMany({ where: { key: { in: input.labels } }, select: { key: true } })).map((l) => l.key));
    const missing = input.labels.find((l) => !found.has(l));
    if (missing) fields.labels = `Unknown label "${missing}"`;
  }
  let currency: CheckedCurrency | null = null;
  if (input.currency) {
    const row = await tx.currency.findUnique({ where: { code: input.currency }, select: { code: true, rateToBase: true, active: true } });
    if (!row || !row.active) fields.currency = "Choose one of the active currencies";
    else currency = { code: row.code, rateToBase: row.rateToBase.toString() };
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "Some fields point at records that do not exist", fields);
  return { currency };
}

export async function baseCurrency(tx: Tx): Promise<CheckedCurrency> {
  const row = await tx.currency.findFirst({ where: { isBase: true }, select: { code: true, rateToBase: true } });
  if (!row) throw new AppError("INTERNAL", "No base currency is configured");
  return { code: row.code, rateToBase: row.rateToBase.toString() };
}

/** The rank that puts a card last in its stage column. */
export async function lastRankIn(tx: Tx, stageId: string): Promise<string | null> {
  const last = await tx.opportunity.findFirst({ where: { stageId }, orderBy: [{ rank: "desc" }, { id: "desc" }], select: { rank: true } });
  return last?.rank ?? null;
}
