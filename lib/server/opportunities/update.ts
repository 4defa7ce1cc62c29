// Editing an opportunity (PATCH semantics: fields not sent stay unchanged),
// with optimistic concurrency on `version`: a stale version, or a concurrent
// save that lands between our read and our write, is a CONFLICT and changes
// nothing. A new stageId goes through the board's stage rules.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { moneyString } from "@/lib/domain/decimal";
import { amountsFromLines } from "@/lib/domain/line-items";
import { rankBetween } from "@/lib/domain/rank";
import type { OpportunityUpdateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../auth/actor";
import { checkedCustomFields } from "../custom-fields/definitions";
import { AppError, forbidden } from "../errors";
import { canEditOpportunity } from "../permissions";
import { checkedBaseAmount } from "./base-amount";
import { toOpportunityDto, type OpportunityDto, type OpportunityRowWithRelations } from "./dto";
import { recordFieldChanges, trackedValues } from "./field-changes";
import { findVisibleOpportunity, loadOpportunityRow } from "./get";
import { checkReferences, lastRankIn } from "./references";
import { loadTargetStage, recordStageChange, stageChangeData, type TargetStage } from "./stage-change";

type Tx = Prisma.TransactionClient;
type Data = Prisma.OpportunityUncheckedUpdateManyInput;

export const conflictError = () =>
  new AppError("CONFLICT", "Someone else saved this opportunity after you opened it. Review their changes, then reload or overwrite.");

const SIMPLE_FIELDS = [
  "title", "description", "externalId", "ownerId", "accountId", "sourceId", "typeId", "labels", "rating", "isPrivate",
  "utmSource", "utmMedium", "utmCampaign", "utmContent",
] as const;

export async function updateOpportunity(actor: Actor, id: string, input: OpportunityUpdateInput): Promise<OpportunityDto> {
  return prisma().$transaction(async (tx) => {
    const current = await findVisibleOpportunity(actor, id, tx);
    if (!canEditOpportunity(actor, { ownerId: current.ownerId, memberIds: current.members.map((m) => m.userId) })) {
      throw forbidden("Only the owner, members, managers and admins can change this opportunity");
    }
    if (input.version !== undefined && input.version !== current.version) throw conflictError();
    const refs = await checkReferences(tx, input, id);
    const now = new Date();
    const data: Data = { version: { increment: 1 } };
    for (const field of SIMPLE_FIELDS) if (input[field] !== undefined) (data as Record<string, unknown>)[field] = input[field];
    if (input.expectedCloseDate !== undefined) data.expectedCloseDate = input.expectedCloseDate ? new Date(`${input.expectedCloseDate}T00:00:00Z`) : null;
    Object.assign(data, await moneyData(tx, current, input, refs.currency));
    const placement = await placementData(tx, actor, current, input, now);
    Object.assign(data, placement.data);
    if (input.customFields !== undefined) data.customFields = await checkedCustomFields(tx, input.customFields, current.customFields as Record<string, unknown>);

    const written = await tx.opportunity.updateMany({ where: { id, version: current.version }, data });
    if (written.count === 0) throw conflictError();
    if (input.memberIds !== undefined) {
      await tx.opportunityMember.deleteMany({ where: { opportunityId: id, userId: { notIn: input.memberIds } } });
      await tx.opportunityMember.createMany({ data: input.memberIds.map((userId) => ({ opportunityId: id, userId })), skipDuplicates: true });
    }
    if (input.contacts !== undefined) {
      await tx.opportunityContact.deleteMany({ where: { opportunityId: id } });
      await tx.opportunityContact.createMany({ data: input.contacts.map((c) => ({ opportunityId: id, ...c })) });
    }
    const updated = await loadOpportunityRow(id, tx);
    if (placement.stage) await recordStageChange(tx, actor, current, placement.stage, now);
    const before = trackedValues(current);
    const after = trackedValues(updated);
    // A stage move explains its own probability change; the timeline shows it once.
    if (placement.stage) after.probability = before.probability;
    await recordFieldChanges(tx, id, actor.id, before, after, now);
    return toOpportunityDto(updated);
  });
}

/** amount, currency, rate, baseAmount (always rewritten together), recurring amount and contract months. */
async function moneyData(
  tx: Tx,
  current: OpportunityRowWithRelations,
  input: OpportunityUpdateInput,
  currency: { code: string; rateToBase: string } | null,
): Promise<Data> {
  const data: Data = {};
  let amount = current.amount.toFixed(2);
  const touchesAmounts = input.amount !== undefined || input.recurringAmount !== undefined || input.contractMonths !== undefined;
  const lines = touchesAmounts ? await tx.lineItem.findMany({ where: { opportunityId: current.id }, select: { quantity: true, unitPrice: true, discountPercent: true, billing: true } }) : [];
  const fromLines = "The amount is the sum of the line items; change the line items instead";
  if (input.amount !== undefined && moneyString(input.amount) !== amount) {
    if (lines.length) throw new AppError("VALIDATION", fromLines, { amount: fromLines });
    amount = moneyString(input.amount);
  }
  if (input.recurringAmount !== undefined && moneyString(input.recurringAmount) !== current.recurringAmount.toFixed(2)) {
    if (lines.length) throw new AppError("VALIDATION", fromLines, { recurringAmount: fromLines });
    data.recurringAmount = moneyString(input.recurringAmount);
  }
  if (input.contractMonths !== undefined) {
    data.contractMonths = input.contractMonths;
    if (lines.length) {
      const derived = amountsFromLines(lines, input.contractMonths);
      amount = derived.amount;
      data.recurringAmount = derived.recurringAmount;
    }
  }
  const rate = input.exchangeRate ?? (currency && currency.code !== current.currencyCode ? currency.rateToBase : current.exchangeRate.toString());
  if (currency) data.currencyCode = currency.code;
  data.amount = amount;
  data.exchangeRate = rate;
  data.baseAmount = checkedBaseAmount(amount, rate);
  return data;
}

/**
 * Stage, status and odds. The submitted probability / forecast category is
 * applied first, then the (new or current) stage's rules, so WON stays 100
 * and LOST stays 0 whatever was sent.
 */
async function placementData(
  tx: Tx,
  actor: Actor,
  current: OpportunityRowWithRelations,
  input: OpportunityUpdateInput,
  now: Date,
): Promise<{ data: Data; stage: TargetStage | null }> {
  const moving = input.stageId !== undefined && input.stageId !== current.stageId;
  const stage = moving ? await loadTargetStage(tx, input.stageId!) : await currentStage(tx, current.stageId);
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
  const data = (await stageChangeData(tx, odds, stage, { lostReasonId: pick("lostReasonId"), lostNote: pick("lostNote"), competitor: pick("competitor") }, now)) as Data;
  if (stage.type !== "OPEN" && input.probability != null && input.probability !== data.probability) {
    const message = `A ${stage.type === "WON" ? "won" : "lost"} opportunity's probability is ${data.probability as number}`;
    throw new AppError("VALIDATION", message, { probability: message });
  }
  if (moving) data.rank = rankBetween(await lastRankIn(tx, stage.id), null);
  return { data, stage: moving ? stage : null };
}

async function currentStage(tx: Tx, stageId: string): Promise<TargetStage> {
  return tx.stage.findUniqueOrThrow({ where: { id: stageId }, select: { id: true, pipelineId: true, type: true, probability: true, forecastCategory: true } });
}
