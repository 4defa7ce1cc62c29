// Editing an opportunity (PATCH semantics: fields not sent stay unchanged),
// with optimistic concurrency on `version`: when it is sent, a stale one, or
// a concurrent save that lands between our read and our write, is a CONFLICT
// and changes nothing. A new stageId goes through the board's stage rules.
//
// Two statements and no explicit transaction, like a board move: one read
// (update-read.ts) of everything the rules need, the rules in memory, then
// one write (update-write.ts) of the row and its history rows that applies
// only if the version read is still current. When it is not, an edit that
// named its version is refused (409); one that did not is done again under
// the row's lock (read and write in one transaction holding it), so it lands
// on top of the other save: last writer wins, never a 409. The lock is taken
// only after losing such a race. Replacing members or contacts takes a
// transaction around the write.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { moneyString } from "@/lib/domain/decimal";
import { resolveDealMoney } from "@/lib/domain/deal-amount";
import { amountsFromLines } from "@/lib/domain/line-items";
import { jitteredRankBetween } from "@/lib/domain/rank";
import type { OpportunityUpdateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../../auth/actor";
import { checkedCustomFields } from "../../custom-fields/definitions";
import { AppError, forbidden, notFound } from "../../errors";
import { canEditOpportunity } from "../../permissions";
import { checkedBaseAmount } from "./base-amount";
import type { OpportunityDto } from "../read/dto";
import { eventActor } from "../../events/write";
import { opportunitySnapshots, recordOpportunityChanges } from "../events";
import { TRACKED_FIELDS, type TrackedValues } from "../history/field-changes";
import { loadOpportunityDto } from "../read/get";
import { checkReferences, type CheckedCurrency } from "./references";
import { inTransaction, onItsOwn, underRowLock, writeFailure, type RunSql } from "./sql-run";
import { checkTargetStage, stageChangeFields } from "../move/stage-change";
import { readForUpdate, touchesAmounts, type EditedOpportunity, type UpdateRead } from "./update-read";
import { writeUpdate, type Assignments, type EditWrite } from "./update-write";

export const conflictError = () =>
  new AppError("CONFLICT", "Someone else saved this opportunity after you opened it. Review their changes, then reload or overwrite.");

const SIMPLE_FIELDS = [
  "title", "description", "externalId", "ownerId", "assigneeId", "accountId", "sourceId", "typeId", "labels", "rating", "isPrivate",
  "utmSource", "utmMedium", "utmCampaign", "utmContent",
] as const;

export async function updateOpportunity(actor: Actor, id: string, input: OpportunityUpdateInput): Promise<OpportunityDto> {
  try {
    const saved = await attemptUpdate(onItsOwn, actor, id, input);
    if (saved) return saved;
    if (input.version !== undefined) throw conflictError();
    // No version sent: last writer wins. Under the row's lock the version read stays current, so the write lands.
    return await underRowLock(id, async (run, tx) => (await attemptUpdate(run, actor, id, input, tx))!);
  } catch (error) {
    throw writeFailure(error);
  }
}

/** One read and one write; null when another save changed the opportunity in between (nothing was written). */
async function attemptUpdate(run: RunSql, actor: Actor, id: string, input: OpportunityUpdateInput, tx?: Prisma.TransactionClient): Promise<OpportunityDto | null> {
  const read = await readForUpdate(run, actor, id, input);
  if (!read) throw notFound("Opportunity");
  const write = planUpdate(actor, read, input, new Date());
  if (input.memberIds === undefined && input.contacts === undefined) return writeUpdate(run, write);
  return tx ? writeWithPeople(tx, write, input) : prisma().$transaction((t) => writeWithPeople(t, write, input));
}

/** The rare edit of members or contacts: the row's write and the link rows' replacement commit together. */
async function writeWithPeople(tx: Prisma.TransactionClient, write: EditWrite, input: OpportunityUpdateInput): Promise<OpportunityDto | null> {
  const opportunityId = write.id;
  const before = await opportunitySnapshots(tx, [opportunityId]);
  if (!(await writeUpdate(inTransaction(tx), { ...write, event: null }))) return null;
  if (input.memberIds !== undefined) {
    await tx.opportunityMember.deleteMany({ where: { opportunityId, userId: { notIn: input.memberIds } } });
    await tx.opportunityMember.createMany({ data: input.memberIds.map((userId) => ({ opportunityId, userId })), skipDuplicates: true });
  }
  if (input.contacts !== undefined) {
    await tx.opportunityContact.deleteMany({ where: { opportunityId } });
    await tx.opportunityContact.createMany({ data: input.contacts.map((c) => ({ opportunityId, ...c })) });
  }
  await recordOpportunityChanges(tx, [opportunityId], before, write.event!, write.now);
  return loadOpportunityDto(opportunityId, tx);
}

/** The rules, in memory, in the order the errors are reported: 403, 409, references, amounts, stage, custom fields. */
function planUpdate(actor: Actor, read: UpdateRead, input: OpportunityUpdateInput, now: Date): EditWrite {
  const current = read.current;
  if (!canEditOpportunity(actor, current)) {
    throw forbidden("Only the owner, members, managers and admins can change this opportunity");
  }
  if (input.version !== undefined && input.version !== current.version) throw conflictError();
  const refs = checkReferences(read, input, current);
  const set: Assignments = {};
  for (const field of SIMPLE_FIELDS) if (input[field] !== undefined) set[field] = input[field];
  if (input.expectedCloseDate !== undefined) set.expectedCloseDate = input.expectedCloseDate;
  Object.assign(set, moneyData(read, input, refs.currency));
  const placement = placementData(read, input, now);
  Object.assign(set, placement.set);
  if (input.customFields !== undefined) set.customFields = checkedCustomFields(read.definitions ?? [], input.customFields, current.customFields);

  const before = trackedOf(current);
  const after: TrackedValues = {
    amount: set.amount as string,
    probability: String(set.probability),
    expectedCloseDate: input.expectedCloseDate === undefined ? current.expectedCloseDate : input.expectedCloseDate,
    ownerId: input.ownerId ?? current.ownerId,
  };
  // A stage move explains its own probability change; the timeline shows it once.
  if (placement.moving) after.probability = before.probability;
  return {
    id: current.id,
    version: current.version,
    set,
    stageChange: placement.moving ? { fromStageId: current.stageId, toStageId: set.stageId as string, fromStatus: current.status, toStatus: read.stage!.type } : null,
    fieldChanges: TRACKED_FIELDS.filter((f) => before[f] !== after[f]).map((field) => ({ field, oldValue: before[field], newValue: after[field] })),
    actorId: actor.id,
    event: eventActor(actor),
    now,
  };
}

const trackedOf = (o: EditedOpportunity): TrackedValues => ({
  amount: o.amount,
  probability: String(o.probability),
  expectedCloseDate: o.expectedCloseDate,
  ownerId: o.ownerId,
});

/**
 * amount, currency, rate, baseAmount (always rewritten together), one-time and
 * recurring amounts and contract months: from the lines when there are some,
 * else by the manual rule (lib/domain/deal-amount.ts).
 */
function moneyData(read: UpdateRead, input: OpportunityUpdateInput, currency: CheckedCurrency | null): Assignments {
  const current = read.current;
  const set: Assignments = {};
  let amount = current.amount;
  const lines = read.lines ?? [];
  if (lines.length) {
    const fromLines = "The amount is the sum of the line items; change the line items instead";
    for (const field of ["amount", "oneTimeAmount", "recurringAmount"] as const) {
      if (input[field] !== undefined && moneyString(input[field]) !== current[field]) throw new AppError("VALIDATION", fromLines, { [field]: fromLines });
    }
    if (input.contractMonths !== undefined) {
      const derived = amountsFromLines(lines, input.contractMonths);
      Object.assign(set, { contractMonths: input.contractMonths, oneTimeAmount: derived.oneTimeAmount, recurringAmount: derived.recurringAmount });
      amount = derived.amount;
    }
  } else if (touchesAmounts(input)) {
    const money = resolveDealMoney(current, input);
    if (!money.ok) throw new AppError("VALIDATION", Object.values(money.fields)[0], money.fields);
    Object.assign(set, { oneTimeAmount: money.value.oneTimeAmount, recurringAmount: money.value.recurringAmount, contractMonths: money.value.contractMonths });
    amount = money.value.amount;
  }
  const rate = input.exchangeRate ?? (currency && currency.code !== current.currencyCode ? currency.rateToBase : current.exchangeRate);
  if (currency) set.currencyCode = currency.code;
  set.amount = amount;
  set.exchangeRate = rate;
  set.baseAmount = checkedBaseAmount(amount, rate);
  return set;
}

/**
 * Stage, status and odds. The submitted probability / forecast category is
 * applied first, then the (new or current) stage's rules, so WON stays 100
 * and LOST stays 0 whatever was sent.
 */
function placementData(read: UpdateRead, input: OpportunityUpdateInput, now: Date): { set: Assignments; moving: boolean } {
  const current = read.current;
  const moving = input.stageId !== undefined && input.stageId !== current.stageId;
  // The opportunity's own stage exists (a foreign key), and its pipeline's archiving does not freeze it.
  const stage = moving ? checkTargetStage(read.stage) : read.stage!;
  if (input.pipelineId && input.pipelineId !== stage.pipelineId) {
    throw new AppError("VALIDATION", "The stage is not in that pipeline", { stageId: "Choose a stage of the selected pipeline" });
  }
  const odds = {
    id: current.id,
    stageId: current.stageId,
    status: current.status,
    probability: input.probability === undefined ? current.probability : (input.probability ?? stage.probability),
    probabilityOverridden: input.probability === undefined ? current.probabilityOverridden : input.probability !== null,
    forecastCategory: input.forecastCategory === undefined ? current.forecastCategory : (input.forecastCategory ?? stage.forecastCategory),
    forecastCategoryOverridden: input.forecastCategory === undefined ? current.forecastCategoryOverridden : input.forecastCategory !== null,
  };
  const pick = <K extends "lostReasonId" | "lostNote" | "competitor">(k: K) => (input[k] !== undefined ? input[k] : current[k]);
  const set: Assignments = { ...stageChangeFields(odds, stage, { lostReasonId: pick("lostReasonId"), lostNote: pick("lostNote"), competitor: pick("competitor") }, read.reasonActive, now) };
  if (stage.type !== "OPEN" && input.probability != null && input.probability !== set.probability) {
    const message = `A ${stage.type === "WON" ? "won" : "lost"} opportunity's probability is ${set.probability as number}`;
    throw new AppError("VALIDATION", message, { probability: message });
  }
  if (moving) set.rank = jitteredRankBetween(read.lastRank ?? null, null);
  return { set, moving };
}
