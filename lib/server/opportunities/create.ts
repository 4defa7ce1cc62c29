// Creating an opportunity: defaults (owner = the creator, currency = base,
// probability = the stage's), the stage rules of DESIGN.md, a rank at the end
// of its column, and a first StageChange row so time-in-stage starts now.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { rankBetween } from "@/lib/domain/rank";
import type { OpportunityCreateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { checkedCustomFields } from "../custom-fields/definitions";
import { checkedBaseAmount } from "./base-amount";
import { opportunityDtoInclude, toOpportunityDto, type OpportunityDto } from "./dto";
import { baseCurrency, checkReferences, lastRankIn } from "./references";
import { loadTargetStage, stageChangeData } from "./stage-change";

export async function createOpportunity(actor: Actor, input: OpportunityCreateInput): Promise<OpportunityDto> {
  return prisma().$transaction(async (tx) => {
    const stage = await loadTargetStage(tx, input.stageId);
    if (input.pipelineId && input.pipelineId !== stage.pipelineId) {
      throw new AppError("VALIDATION", "The stage is not in that pipeline", { stageId: "Choose a stage of the selected pipeline" });
    }
    const refs = await checkReferences(tx, input);
    const currency = refs.currency ?? (await baseCurrency(tx));
    const exchangeRate = input.exchangeRate ?? currency.rateToBase;
    const amount = input.amount ?? "0";
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
      recurringAmount: input.recurringAmount ?? "0",
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
    };
    const created = await tx.opportunity.create({ data, include: opportunityDtoInclude });
    await tx.stageChange.create({
      data: { opportunityId: created.id, fromStageId: null, toStageId: stage.id, fromStatus: null, toStatus: created.status, changedAt: now, changedById: actor.id },
    });
    return toOpportunityDto(created);
  });
}
