// Moving an opportunity: the board's drag and drop, the detail page's stage
// path and the REST API's move endpoint all call moveOpportunity. A move is
// two statements and no explicit transaction: one read (move-read.ts) of
// everything the checks and the new key need, then one write (move-write.ts)
// of the card's placement, rank and version and, when the stage changes, its
// StageChange row, applied only if the card's version is still the one read.
// If someone changed the card in between, the move reads again (or, when the
// caller sent expectedVersion, is refused): the same outcome as locking the
// row, without BEGIN, COMMIT and a held lock per move.
import { moveOpportunitySchema, type MoveOpportunityInput, type MoveOpportunityParsed } from "@/lib/validation/move";
import type { Actor } from "../auth/actor";
import { rankFromNeighbours, rebalanceColumn, REBALANCE_AT } from "../board/placement";
import { zodFields } from "../error-mapping";
import { AppError, forbidden, notFound, validationError } from "../errors";
import { canEditOpportunity } from "../permissions";
import { readMove, type MoveCard } from "./move-read";
import { writeMove, type MovedRow } from "./move-write";
import { checkTargetStage, stageChangeFields, type LostDetails } from "./stage-change";

export interface MovedOpportunity extends MovedRow {
  /** False when the card stayed in its stage (a reorder writes no history row). */
  stageChanged: boolean;
}

/** Reads before giving up when other writes keep changing the card between read and write. */
const ATTEMPTS = 3;

export async function moveOpportunity(actor: Actor, rawInput: MoveOpportunityInput): Promise<MovedOpportunity> {
  const parsed = moveOpportunitySchema.safeParse(rawInput);
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  const input = parsed.data;
  for (let attempt = 1; ; attempt++) {
    const result = await attemptMove(actor, input);
    if ("moved" in result) return keepKeysShort(result.moved);
    if (input.expectedVersion !== undefined || attempt === ATTEMPTS) throw changedMeanwhile(result.title);
  }
}

const changedMeanwhile = (title: string) => new AppError("CONFLICT", `“${title}” was changed by someone else meanwhile; it now shows its latest state.`);

async function attemptMove(actor: Actor, input: MoveOpportunityParsed): Promise<{ moved: MovedOpportunity } | { title: string }> {
  const read = await readMove(actor, input);
  const card = read.card;
  if (!card || !card.visible) throw notFound("Opportunity");
  if (!canEditOpportunity(actor, { ownerId: card.ownerId, memberIds: card.actorIsMember ? [actor.id] : [] })) {
    throw forbidden("You can only move opportunities you own or work on");
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== card.version) throw changedMeanwhile(card.title);
  const stage = checkTargetStage(read.stage);
  const now = new Date();
  const fields = stageChangeFields(card, stage, lostDetails(card, input), read.reasonActive, now);
  const moved = await writeMove(actor, card, fields, rankFromNeighbours(read.neighbours), now);
  return moved ? { moved: { ...moved, stageChanged: stage.id !== card.stageId } } : { title: card.title };
}

/**
 * Keys grow by about one character per six drops into the same gap. Past
 * REBALANCE_AT the column is re-keyed, in its own transaction after the move
 * has committed (the move itself still wrote one opportunity row); the
 * answer carries the card's new key.
 */
async function keepKeysShort(moved: MovedOpportunity): Promise<MovedOpportunity> {
  if (moved.rank.length <= REBALANCE_AT) return moved;
  const ranks = await rebalanceColumn(moved.stageId);
  return { ...moved, rank: ranks.get(moved.id) ?? moved.rank };
}

/** A reorder inside a lost stage keeps the reason already recorded (move-read.ts checks the same one). */
function lostDetails(card: MoveCard, input: MoveOpportunityParsed): LostDetails {
  if (input.lostReasonId || card.status !== "LOST") return input;
  return { lostReasonId: card.lostReasonId, lostNote: input.lostNote ?? card.lostNote, competitor: input.competitor ?? card.competitor };
}
