// Converting between the Opportunity DTO and the form's values, and the
// client-side schema: the shared create schema plus the checks that need
// the form's options (custom field definitions, lost stage needs a reason).
import type { OpportunityDto } from "@/lib/server/opportunities/read/dto";
import type { OpportunityFormOptions, StageOption } from "@/lib/server/opportunities/form/options";
import { opportunityCreateSchema, type OpportunityFormValues } from "@/lib/validation/opportunity";
import { customFieldErrors } from "@/lib/validation/opportunity-custom-fields";

export function stageById(options: OpportunityFormOptions, stageId: string | undefined): (StageOption & { pipelineId: string }) | null {
  for (const p of options.pipelines) {
    const s = p.stages.find((x) => x.id === stageId);
    if (s) return { ...s, pipelineId: p.id };
  }
  return null;
}

export function defaultPipeline(options: OpportunityFormOptions) {
  return options.pipelines.find((p) => p.isDefault) ?? options.pipelines[0];
}

export function emptyValues(options: OpportunityFormOptions, actorId: string, preset: { stageId?: string | undefined; accountId?: string | null }): OpportunityFormValues {
  const preselected = stageById(options, preset.stageId);
  const pipeline = preselected ? options.pipelines.find((p) => p.id === preselected.pipelineId)! : defaultPipeline(options);
  const stageId = preselected?.id ?? pipeline?.stages.find((s) => s.type === "OPEN")?.id ?? "";
  const base = options.currencies.find((c) => c.isBase) ?? options.currencies[0];
  return {
    title: "",
    description: null,
    externalId: null,
    pipelineId: pipeline?.id ?? "",
    stageId,
    amount: "",
    currency: base?.code ?? "USD",
    exchangeRate: base?.rateToBase ?? "1",
    oneTimeAmount: "",
    recurringAmount: "",
    contractMonths: null,
    probability: null,
    forecastCategory: null,
    expectedCloseDate: null,
    ownerId: actorId,
    memberIds: [],
    accountId: preset.accountId ?? null,
    contacts: [],
    sourceId: null,
    typeId: null,
    labels: [],
    rating: null,
    isPrivate: false,
    lostReasonId: null,
    lostNote: null,
    competitor: null,
    customFields: Object.fromEntries(options.customFields.map((d) => [d.key, d.type === "CHECKBOX" ? false : ""])),
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmContent: null,
  };
}

export function valuesFromDto(dto: OpportunityDto, options: OpportunityFormOptions): OpportunityFormValues {
  return {
    title: dto.title,
    description: dto.description,
    externalId: dto.externalId,
    pipelineId: dto.pipelineId,
    stageId: dto.stageId,
    amount: dto.amount,
    currency: dto.currency,
    exchangeRate: dto.exchangeRate,
    oneTimeAmount: dto.oneTimeAmount,
    recurringAmount: dto.recurringAmount,
    contractMonths: dto.contractMonths,
    probability: dto.probabilityOverridden ? dto.probability : null,
    forecastCategory: dto.forecastCategoryOverridden ? dto.forecastCategory : null,
    expectedCloseDate: dto.expectedCloseDate,
    ownerId: dto.ownerId,
    memberIds: dto.memberIds,
    accountId: dto.accountId,
    contacts: dto.contacts,
    sourceId: dto.sourceId,
    typeId: dto.typeId,
    labels: dto.labels,
    rating: dto.rating,
    isPrivate: dto.isPrivate,
    lostReasonId: dto.lostReasonId,
    lostNote: dto.lostNote,
    competitor: dto.competitor,
    customFields: { ...Object.fromEntries(options.customFields.map((d) => [d.key, d.type === "CHECKBOX" ? false : ""])), ...dto.customFields },
    utmSource: dto.utmSource,
    utmMedium: dto.utmMedium,
    utmCampaign: dto.utmCampaign,
    utmContent: dto.utmContent,
  };
}

/** The shared schema plus what only the form's options can tell. */
export function clientSchema(options: OpportunityFormOptions) {
  return opportunityCreateSchema.superRefine((values, ctx) => {
    const errors = customFieldErrors(options.customFields, values.customFields ?? {});
    for (const [key, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: ["customFields", key], message });
    if (stageById(options, values.stageId)?.type === "LOST" && !values.lostReasonId) {
      ctx.addIssue({ code: "custom", path: ["lostReasonId"], message: "Choose why the deal was lost" });
    }
  });
}
