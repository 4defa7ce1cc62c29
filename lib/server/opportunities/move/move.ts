// Moving an opportunity: the board's drag and drop, the detail page's stage
// path and the REST API's move endpoint all call moveOpportunity. A move is
// two statements and no explicit transaction: one read (move-read.ts) of
// everything the checks and the new key need, then one write (move-write.ts)
// of the card's placement, rank and version and, when the stage changes, its
// StageChange row, applied only if the card's version is still the one read.
// If someone changed the card in between, a move that sent expectedVersion is
// refused; one that did not is applied again under the row's lock (read and
// write in one transaction that holds it), so it always lands: last writer
// wins, never a CONFLICT. The lock is taken only after losing such a race.
import { moveOpportunitySchema, type MoveOpportunityInput, type MoveOpportunityParsed } from "@/lib/validation/move";
import type { Actor } from "../../auth/actor";
import { rankFromNeighbours, rebalanceColumn, REBALANCE_AT } from "./placement";
import { zodFields } from "../../error-mapping";
import { AppError, forbidden, notFound, validationError } from "../../errors";
import { canEditOpportunity } from "../../permissions";
import { readMove, type MoveCard } from "./move-read";
import { writeMove, type MovedRow } from "./move-write";
import { runOnItsOwn, underRowLock, type RunSql } from "../write/sql-run";
import { checkTargetStage, stageChangeFields, type LostDetails } from "./stage-change";

export interface MovedOpportunity extends MovedRow {
  /** False when the card stayed in its stage (a reorder writes no history row). */
  stageChanged: boolean;
}

/** Re-keyings of a column one move may ask for when it keeps meeting equal keys at its drop (each should end them). */
const TIE_ROUNDS = 3;

const changedMeanwhile = (title: string) => new AppError("CONFLICT", `“${title}” was changed by someone else meanwhile; it now shows its latest state.`);

type Attempt = { moved: MovedOpportunity & { tied: boolean } } | { changed: string } | { tiedIn: string; title: string };

export async function moveOpportunity(actor: Actor, rawInput: MoveOpportunityInput): Promise<MovedOpportunity> {
  const parsed = moveOpportunitySchema.safeParse(rawInput);
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  const input = parsed.data;
  let locked = false;
  for (let ties = 0; ; ) {
    const result = locked
      ? await underRowLock(input.opportunityId, (run) => attemptMove(run, actor, input))
      : await attemptMove(onItsOwn, actor, input);
    if ("moved" in result) return keepKeysDistinctAndShort(result.moved);
    if ("tiedIn" in result && ties++ < TIE_ROUNDS) await rebalanceColumn(result.tiedIn);
    else if ("changed" in result && input.expectedVersion === undefined && !locked) locked = true;
    else throw changedMeanwhile("changed" in result ? result.changed : result.title);
  }
}

/** A move's own statements run on their own, named in their family (statement-names.ts). */
const onItsOwn = runOnItsOwn("move");

async function attemptMove(run: RunSql, actor: Actor, input: MoveOpportunityParsed): Promise<Attempt> {
  const read = await readMove(run, actor, input);
  const card = read.card;
  if (!card || !card.visible) throw notFound("Opportunity");
  if (!canEditOpportunity(actor, { ownerId: card.ownerId, assigneeId: card.assigneeId, memberIds: card.actorIsMember ? [actor.id] : [] })) {
    throw forbidden("You can only move opportunities you own or work on");
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== card.version) throw changedMeanwhile(card.title);
  const stage = checkTargetStage(read.stage);
  const rank = rankFromNeighbours(read.neighbours);
  if (rank === null) return { tiedIn: stage.id, title: card.title };
  const now = new Date();
  const fields = stageChangeFields(card, stage, lostDetails(card, input), read.reasonActive, now);
  const moved = await writeMove(run, actor, card, fields, rank, now);
  return moved ? { moved: { ...moved, stageChanged: stage.id !== card.stageId } } : { changed: card.title };
}

/**
 * After the move has committed (it wrote one opportunity row), the column is
 * re-keyed in its own transaction when the new key ties with another card's
 * (two drops into one gap drew the same random digits) or passes REBALANCE_AT
 * (keys grow by about one character per six drops into the same gap); the
 * answer carries the card's new key.
 */
async function keepKeysDistinctAndShort({ tied, ...moved }: MovedOpportunity & { tied: boolean }): Promise<MovedOpportunity> {
  if (!tied && moved.rank.length <= REBALANCE_AT) return moved;
  const ranks = await rebalanceColumn(moved.stageId);
  return { ...moved, rank: ranks.get(moved.id) ?? moved.rank };
}

/** A reorder inside a lost stage keeps the reason already recorded (move-read.ts checks the same one). */
function lostDetails(card: MoveCard, input: MoveOpportunityParsed): LostDetails {
  if (input.lostReasonId || card.status !== "LOST") return input;
  return { lostReasonId: card.lostReasonId, lostNote: input.lostNote ?? card.lostNote, competitor: input.competitor ?? card.competitor };
}
