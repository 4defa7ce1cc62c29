// Moves every opportunity of a stage into one target stage when an admin
// deletes the stage or its pipeline, exactly as a board move would (status,
// odds and StageChange history from opportunities/stage-change.ts), appended at
// the end of the target column.
import { ranksAfter } from "@/lib/domain/rank";
import type { Actor } from "../auth/actor";
import type { Tx } from "../auth/admin";
import { loadTargetStage, recordStageChange, stageChangeData } from "../opportunities/move/stage-change";
import { eventActor } from "../events/write";
import { opportunitySnapshots, recordOpportunityChanges } from "../opportunities/events";
import { visibleOpportunities } from "../visibility";

/** Long enough to move several thousand opportunities with their history (about 8-15 ms each; BENCHMARKS.md). */
export const BULK_MOVE_TIMEOUT_MS = 120_000;

export async function moveStageOpportunities(
  tx: Tx,
  actor: Actor,
  fromStageId: string,
  targetStageId: string,
  options: { lostReasonId: string | null; field: string },
  now = new Date(),
): Promise<number> {
  const target = await loadTargetStage(tx, targetStageId, options.field);
  const opportunities = await tx.opportunity.findMany({
    where: { AND: [visibleOpportunities(actor), { stageId: fromStageId }] },
    orderBy: [{ rank: "asc" }, { id: "asc" }],
    select: {
      id: true, stageId: true, status: true, probability: true, probabilityOverridden: true,
      forecastCategory: true, forecastCategoryOverridden: true, lostReasonId: true, lostNote: true, competitor: true,
    },
  });
  if (opportunities.length === 0) return 0;
  const last = await tx.opportunity.findFirst({ where: { stageId: target.id }, orderBy: [{ rank: "desc" }, { id: "desc" }], select: { rank: true } });
  const ranks = ranksAfter(last?.rank ?? null, opportunities.length);
  const ids = opportunities.map((o) => o.id);
  const before = await opportunitySnapshots(tx, ids);
  for (const [i, current] of opportunities.entries()) {
    // A deal already lost keeps its own reason; one that becomes lost takes the admin's.
    const lost = current.status === "LOST"
      ? { lostReasonId: current.lostReasonId, lostNote: current.lostNote, competitor: current.competitor }
      : { lostReasonId: options.lostReasonId };
    const data = await stageChangeData(tx, current, target, lost, now);
    await tx.opportunity.update({ where: { id: current.id }, data: { ...data, rank: ranks[i], version: { increment: 1 } } });
    await recordStageChange(tx, actor, current, target, now);
  }
  await recordOpportunityChanges(tx, ids, before, eventActor(actor), now);
  return opportunities.length;
}
