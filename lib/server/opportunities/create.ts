// Creating an opportunity: defaults (owner = the creator, currency = base,
// probability = the stage's), the stage rules of DESIGN.md, a rank at the end
// of its column, and a first StageChange row so time-in-stage starts now.
// Line items sent along are created in the same transaction and give the amount.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { moneyString } from "@/lib/domain/decimal";
import { amountsFromLines, type LineInput } from "@/lib/domain/line-items";
import { rankBetween } from "@/lib/domain/rank";
import type { LineDraftInput } from "@/lib/validation/line-items";
import type { OpportunityCreateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { checkedCustomFields } from "../custom-fields/definitions";
import { resolveDrafts } from "../line-items/replace";
import { checkedBaseAmount } from "./base-amount";
import { opportunityDtoInclude, toOpportunityDto, type OpportunityDto } from "./dto";
import { baseCurrency, checkReferences, lastRankIn } from "./references";
import { loadTargetStage, stageChangeData } from "./stage-change";

/** With line items the amounts are theirs; an amount sent as well must agree (the form sends the derived one). */
function derivedAmounts(lines: LineInput[], input: OpportunityCreateInput) {
  const derived = amountsFromLines(lines, input.contractMonths);
  const fields: Record<string, string> = {};
  if (input.amount !== undefined && moneyString(input.amount) !== derived.amount) fields.amount = `The line items make ${derived.amount}; leave the amount out or send that`;
  if (input.recurringAmount !== undefined && moneyString(input.recurringAmount) !== derived.recurringAmount) {
    fields.recurringAmount = `The monthly line items make ${derived.recurringAmount}; leave it out or send that`;
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "The amount comes from the line items", fields);
  return derived;
}

export async function createOpportunity(actor: Actor, input: OpportunityCreateInput & { lineItems?: LineDraftInput[] }): Promise<OpportunityDto> {
  return prisma().$transaction(async (tx) => {
    const stage = await loadTargetStage(tx, input.stageId);
    if (input.pipelineId && input.pipelineId !== stage.pipelineId) {
      throw new AppError("VALIDATION", "The stage is not in that pipeline", { stageId: "Choose a stage of the selected pipeline" });
    }
    const refs = await checkReferences(tx, input);
    const currency = refs.currency ?? (await baseCurrency(tx));
    const exchangeRate = input.exchangeRate ?? currency.rateToBase;
    const lines = input.lineItems?.length
      ? await resolveDrafts(tx, input.lineItems, { currencyCode: currency.code, exchangeRate, contractMonths: input.contractMonths ?? null }, [], "lineItems.")
      : [];
    const derived = lines.length ? derivedAmounts(lines, input) : null;
    const amount = derived?.amount ?? input.amount ?? "0";
    const customFields = await checkedCustomFields(tx, input.customFields ?? {});
    const now = new Date();
    // A new opportunity "arrives" in its stage from nowhere; the shared rules
    // set its status, odds, close date and (for a lost stage) its lost details.
    const placement = stageChangeData(
      tx,
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
      now,
    );
    const data: Prisma.OpportunityUncheckedCreateInput = {
      ...((await placement) as Prisma.OpportunityUncheckedCreateInput),
      stageChangedAt: now,
      statusChangedAt: now,
      rank: rankBetween(await lastRankIn(tx, stage.id), null),
      title: input.title,
      description: input.description ?? null,
      externalId: input.externalId ?? null,
      amount,
      currencyCode: currency.code,
      exchangeRate,
      baseAmount: checkedBaseAmount(amount, exchangeRate),
      recurringAmount: derived?.recurringAmount ?? input.recurringAmount ?? "0",
      contractMonths: input.contractMonths ?? null,
      expectedCloseDate: input.expectedCloseDate ? new Date(`${input.expectedCloseDate}T00:00:00Z`) : null,
      ownerId: input.ownerId ?? actor.id,
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
      members: { create: (input.memberIds ?? []).map((userId) => ({ userId })) },
      contacts: { create: (input.contacts ?? []).map((c) => ({ contactId: c.contactId, isPrimary: c.isPrimary })) },
      lineItems: { create: lines.map((line, position) => ({ ...line, position })) },
    };
    const created = await tx.opportunity.create({ data, include: opportunityDtoInclude });
    await tx.stageChange.create({
      data: { opportunityId: created.id, fromStageId: null, toStageId: stage.id, fromStatus: null, toStatus: created.status, changedAt: now, changedById: actor.id },
    });
    return toOpportunityDto(created);
  });
}
