// Creating an opportunity: defaults (owner = the creator, currency = base,
// probability = the stage's), the stage rules of DESIGN.md, a rank at the end
// of its column, and a first StageChange row so time-in-stage starts now.
// Two statements and no explicit transaction: one read (create-read.ts) of
// everything the rules need, the rules in memory, one write (create-write.ts)
// of the row and its StageChange. Members, contacts and line items sent along
// are written with the row in one transaction; line items give the amount.
import { prisma } from "@/lib/db";
import { moneyString } from "@/lib/domain/decimal";
import { NO_MONEY, resolveDealMoney } from "@/lib/domain/deal-amount";
import { amountsFromLines, type LineInput } from "@/lib/domain/line-items";
import { jitteredRankBetween } from "@/lib/domain/rank";
import type { LineDraftInput } from "@/lib/validation/line-items";
import type { OpportunityCreateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../../auth/actor";
import { checkedCustomFields } from "../../custom-fields/definitions";
import { AppError } from "../../errors";
import { recordLinesCreated } from "../../line-items/events";
import { resolveDrafts } from "../../line-items/replace";
import type { ResolvedLine } from "../../line-items/resolve";
import { eventActor } from "../../events/write";
import { recordOpportunityChanges } from "../events";
import { checkedBaseAmount } from "./base-amount";
import { readForCreate, type CreateRead } from "./create-read";
import { insertOpportunity, type NewOpportunity } from "./create-write";
import type { OpportunityDto } from "../read/dto";
import { loadOpportunityDto } from "../read/get";
import type { CheckedCurrency } from "./references";
import { checkReferences } from "./references";
import { inTransaction, onItsOwn, writeFailure } from "./sql-run";
import { checkTargetStage, stageChangeFields, type TargetStage } from "../move/stage-change";

type Input = OpportunityCreateInput & { lineItems?: LineDraftInput[] };

/**
 * Dates of a deal's past, accepted from an import only (never from the form or
 * the API's create and update): when it was created, entered its stage, and
 * was won or lost, so that forecasts, win rates and cycle times count imported
 * history right. Checked by lib/domain/import/row.ts (past, in order).
 */
export interface ImportedHistory {
  createdAt?: Date;
  stageEnteredAt?: Date;
  /** YYYY-MM-DD; used when the stage is won or lost. */
  closedAt?: string;
}

/** With line items the amounts are theirs; an amount sent as well must agree (the form sends the derived one). */
function derivedAmounts(lines: LineInput[], input: OpportunityCreateInput) {
  const derived = amountsFromLines(lines, input.contractMonths);
  const fields: Record<string, string> = {};
  if (input.amount !== undefined && moneyString(input.amount) !== derived.amount) fields.amount = `The line items make ${derived.amount}; leave the amount out or send that`;
  if (input.recurringAmount !== undefined && moneyString(input.recurringAmount) !== derived.recurringAmount) {
    fields.recurringAmount = `The monthly line items make ${derived.recurringAmount}; leave it out or send that`;
  }
  if (input.oneTimeAmount !== undefined && moneyString(input.oneTimeAmount) !== derived.oneTimeAmount) {
    fields.oneTimeAmount = `The one-time line items make ${derived.oneTimeAmount}; leave it out or send that`;
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "The amount comes from the line items", fields);
  return derived;
}

/** Without lines: amount = one-time + recurring x months, from whichever of the two was sent. */
function manualAmounts(input: OpportunityCreateInput) {
  const money = resolveDealMoney(NO_MONEY, input);
  if (!money.ok) throw new AppError("VALIDATION", Object.values(money.fields)[0], money.fields);
  return money.value;
}

/**
 * Who works on the new deal: the members sent and, when it is private and
 * made for someone else, its creator, who could otherwise not read back what
 * they just created (DESIGN.md, "Private deals made for someone else").
 */
function membersOf(actor: Actor, input: Input): string[] {
  const members = input.memberIds ?? [];
  const forSomeoneElse = input.isPrivate === true && input.ownerId !== undefined && input.ownerId !== actor.id;
  return forSomeoneElse && !members.includes(actor.id) ? [...members, actor.id] : members;
}

export async function createOpportunity(actor: Actor, input: Input, history: ImportedHistory = {}): Promise<OpportunityDto> {
  const read = await readForCreate(onItsOwn, input);
  const stage = checkTargetStage(read.stage);
  if (input.pipelineId && input.pipelineId !== stage.pipelineId) {
    throw new AppError("VALIDATION", "The stage is not in that pipeline", { stageId: "Choose a stage of the selected pipeline" });
  }
  const refs = checkReferences(read, input, null);
  const currency = refs.currency ?? read.baseCurrency;
  if (!currency) throw new AppError("INTERNAL", "No base currency is configured");
  const exchangeRate = input.exchangeRate ?? currency.rateToBase;
  const now = new Date();
  const memberIds = membersOf(actor, input);
  const alone = !input.lineItems?.length && !memberIds.length && !input.contacts?.length;
  try {
    const createdAt = history.createdAt ?? now;
    if (alone) return await insertOpportunity(onItsOwn, newOpportunity(actor, input, read, stage, currency, exchangeRate, [], now, history), actor.id, now, eventActor(actor), createdAt);
    return await prisma().$transaction(async (tx) => {
      const lines = input.lineItems?.length
        ? await resolveDrafts(tx, input.lineItems, { currencyCode: currency.code, exchangeRate, contractMonths: input.contractMonths ?? null }, [], "lineItems.")
        : [];
      const values = newOpportunity(actor, input, read, stage, currency, exchangeRate, lines, now, history);
      const { id: opportunityId } = await insertOpportunity(inTransaction(tx), values, actor.id, now, null, createdAt);
      if (memberIds.length) await tx.opportunityMember.createMany({ data: memberIds.map((userId) => ({ opportunityId, userId })) });
      if (input.contacts?.length) await tx.opportunityContact.createMany({ data: input.contacts.map((c) => ({ opportunityId, contactId: c.contactId, isPrimary: c.isPrimary })) });
      if (lines.length) await tx.lineItem.createMany({ data: lines.map((line, position) => ({ ...line, position, opportunityId })) });
      // One event for the deal as created, with its people; its first line items are part of it.
      await recordOpportunityChanges(tx, [opportunityId], null, eventActor(actor), now);
      if (lines.length) await recordLinesCreated(tx, actor, opportunityId, now);
      return loadOpportunityDto(opportunityId, tx);
    });
  } catch (error) {
    throw writeFailure(error);
  }
}

/** The new row's columns, after the amount, custom field and stage rules. */
function newOpportunity(
  actor: Actor,
  input: Input,
  read: CreateRead,
  stage: TargetStage,
  currency: CheckedCurrency,
  exchangeRate: string,
  lines: ResolvedLine[],
  now: Date,
  history: ImportedHistory,
): NewOpportunity {
  const money = lines.length ? derivedAmounts(lines, input) : manualAmounts(input);
  const amount = money.amount;
  const customFields = checkedCustomFields(read.definitions, input.customFields ?? {});
  // A new opportunity "arrives" in its stage from nowhere; the shared rules
  // set its status, odds, close date and (for a lost stage) its lost details.
  const placement = stageChangeFields(
    {
      id: "",
      stageId: "",
      status: "OPEN",
      probability: input.probability ?? stage.probability,
      probabilityOverridden: input.probability != null,
      forecastCategory: input.forecastCategory ?? stage.forecastCategory,
      forecastCategoryOverridden: input.forecastCategory != null,
    },
    stage,
    { lostReasonId: input.lostReasonId ?? null, lostNote: input.lostNote ?? null, competitor: input.competitor ?? null },
    read.reasonActive,
    now,
  );
  const enteredAt = history.stageEnteredAt ?? history.createdAt ?? now;
  const closed = placement.actualCloseDate && history.closedAt ? new Date(`${history.closedAt}T00:00:00Z`) : placement.actualCloseDate;
  return {
    ...placement,
    stageChangedAt: enteredAt,
    statusChangedAt: enteredAt,
    actualCloseDate: closed ?? null,
    lostReasonId: placement.lostReasonId ?? null,
    lostNote: placement.lostNote ?? null,
    competitor: placement.competitor ?? null,
    rank: jitteredRankBetween(read.lastRank, null),
    title: input.title,
    description: input.description ?? null,
    externalId: input.externalId ?? null,
    amount,
    currencyCode: currency.code,
    exchangeRate,
    baseAmount: checkedBaseAmount(amount, exchangeRate),
    oneTimeAmount: money.oneTimeAmount,
    recurringAmount: money.recurringAmount,
    contractMonths: input.contractMonths ?? null,
    expectedCloseDate: input.expectedCloseDate ?? null,
    ownerId: input.ownerId ?? actor.id,
    assigneeId: input.assigneeId ?? null,
    createdById: actor.id,
    accountId: input.accountId ?? null,
    sourceId: input.sourceId ?? null,
    typeId: input.typeId ?? null,
    labels: input.labels ?? [],
    rating: input.rating ?? null,
    isPrivate: input.isPrivate ?? false,
    customFields,
    utmSource: input.utmSource ?? null,
    utmMedium: input.utmMedium ?? null,
    utmCampaign: input.utmCampaign ?? null,
    utmContent: input.utmContent ?? null,
  };
}
