// Moving an opportunity: the board's drag and drop, the detail page's stage
// path and the REST API's move endpoint all call moveOpportunity. One
// transaction locks the card's row and reads what the checks need in one
// round trip (move-lock.ts), checks who may move it, applies the
// stage rules (stage-change.ts), writes its new rank, bumps its version and,
// when the stage changes, writes one StageChange row.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { moveOpportunitySchema, type MoveOpportunityInput } from "@/lib/validation/move";
import type { Actor } from "../auth/actor";
import { rankForPlacement, rebalanceColumn, REBALANCE_AT } from "../board/placement";
import { zodFields } from "../error-mapping";
import { AppError, forbidden, notFound, validationError } from "../errors";
import { canEditOpportunity } from "../permissions";
import { isoDate, isoTimestamp } from "../serialize";
import { lockForMove } from "./move-lock";
import { checkTargetStage, recordStageChange, stageChangeData, type CurrentPlacement, type LostDetails } from "./stage-change";

export interface MovedOpportunity {
  id: string;
  title: string;
  pipelineId: string;
  stageId: string;
  rank: string;
  status: "OPEN" | "WON" | "LOST";
  probability: number;
  forecastCategory: string;
  lostReasonId: string | null;
  actualCloseDate: string | null;
  stageChangedAt: string;
  version: number;
  /** False when the card stayed in its stage (a reorder writes no history row). */
  stageChanged: boolean;
}

const MOVED_SELECT = {
  id: true,
  title: true,
  pipelineId: true,
  stageId: true,
  rank: true,
  status: true,
  probability: true,
  forecastCategory: true,
  lostReasonId: true,
  actualCloseDate: true,
  stageChangedAt: true,
  version: true,
} satisfies Prisma.OpportunitySelect;

export async function moveOpportunity(actor: Actor, rawInput: MoveOpportunityInput): Promise<MovedOpportunity> {
  const parsed = moveOpportunitySchema.safeParse(rawInput);
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  const input = parsed.data;
  return prisma().$transaction(async (tx) => {
    const locked = await lockForMove(tx, actor, input.opportunityId, input.stageId);
    const card = locked.card;
    if (!card || !card.visible) throw notFound("Opportunity");
    if (!canEditOpportunity(actor, { ownerId: card.ownerId, memberIds: card.actorIsMember ? [actor.id] : [] })) {
      throw forbidden("You can only move opportunities you own or work on");
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== card.version) {
      throw new AppError("CONFLICT", `“${card.title}” was changed by someone else meanwhile; it now shows its latest state.`);
    }
    const stage = checkTargetStage(locked.stage);
    const current: CurrentPlacement = card;
    const now = new Date();
    const data = await stageChangeData(tx, current, stage, lostDetails(card, input), now);
    const rank = await rankForPlacement(tx, input);
    const moved = await tx.opportunity.update({
      where: { id: card.id },
      data: { ...data, rank, version: { increment: 1 } },
      select: MOVED_SELECT,
    });
    const stageChanged = stage.id !== card.stageId;
    if (stageChanged) await recordStageChange(tx, actor, current, stage, now);
    if (rank.length > REBALANCE_AT) await rebalanceColumn(tx, stage.id);
    return {
      ...moved,
      rank: rank.length > REBALANCE_AT ? (await tx.opportunity.findUniqueOrThrow({ where: { id: card.id }, select: { rank: true } })).rank : rank,
      actualCloseDate: isoDate(moved.actualCloseDate),
      stageChangedAt: isoTimestamp(moved.stageChangedAt)!,
      stageChanged,
    };
  });
}

/** A reorder inside a lost stage keeps the reason already recorded. */
function lostDetails(
  card: { status: string; lostReasonId: string | null; lostNote: string | null; competitor: string | null },
  input: { lostReasonId: string | null; lostNote: string | null; competitor: string | null },
): LostDetails {
  if (input.lostReasonId || card.status !== "LOST") return input;
  return { lostReasonId: card.lostReasonId, lostNote: input.lostNote ?? card.lostNote, competitor: input.competitor ?? card.competitor };
}
