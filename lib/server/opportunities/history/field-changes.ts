// The edits the timeline tracks field by field (DESIGN.md: amount,
// probability, close date, owner): what changed from what to what.
import type { Prisma } from "@/lib/db/generated/client";

export const TRACKED_FIELDS = ["amount", "probability", "expectedCloseDate", "ownerId"] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export type TrackedValues = Record<TrackedField, string | null>;

export function trackedValues(o: { amount: { toFixed(n: number): string } | string; probability: number; expectedCloseDate: Date | null; ownerId: string }): TrackedValues {
  return {
    amount: typeof o.amount === "string" ? o.amount : o.amount.toFixed(2),
    probability: String(o.probability),
    expectedCloseDate: o.expectedCloseDate ? o.expectedCloseDate.toISOString().slice(0, 10) : null,
    ownerId: o.ownerId,
  };
}

export async function recordFieldChanges(
  tx: Prisma.TransactionClient,
  opportunityId: string,
  actorId: string,
  before: TrackedValues,
  after: TrackedValues,
  now: Date,
): Promise<void> {
  const rows = TRACKED_FIELDS.filter((f) => before[f] !== after[f]).map((field) => ({
    opportunityId,
    field,
    oldValue: before[field],
    newValue: after[field],
    changedAt: now,
    changedById: actorId,
  }));
  if (rows.length) await tx.opportunityFieldChange.createMany({ data: rows });
}
