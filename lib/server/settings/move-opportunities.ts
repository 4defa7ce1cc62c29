// Moves every opportunity of some stages into one target stage, exactly as a
// board move would (status, odds and StageChange history from
// opportunities/stage-change.ts), appended at the end of the target column.
import { ranksAfter } from "@/lib/domain/rank";
import type { Actor } from "../auth/actor";
import { loadTargetStage, recordStageChange, stageChangeData } from "../opportunities/stage-change";
import { visibleOpportunities } from "../visibility";
import type { Tx } from "./admin";

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
  for (const [i, current] of opportunities.entries()) {
    // A deal already lost keeps its own reason; one that becomes lost takes the admin's.
    const lost = current.status === "LOST"
      ? { lostReasonId: current.lostReasonId, lostNote: current.lostNote, competitor: current.competitor }
      : { lostReasonId: options.lostReasonId };
    const data = await stageChangeData(tx, current, target, lost, now);
    await tx.opportunity.update({ where: { id: current.id }, data: { ...data, rank: ranks[i], version: { increment: 1 } } });
    await recordStageChange(tx, actor, current, target, now);
  }
  return opportunities.length;
}
