import { z } from "zod";
import { API_SORT_FIELDS } from "@/lib/server/opportunities/list/api-list";
import { idParams, updatedSinceFilter } from "@/lib/validation/api-common";
import { isIsoDate } from "@/lib/validation/opportunity-fields";
import { moveOpportunitySchema } from "@/lib/validation/move";
import { opportunityCreateWithLinesSchema } from "@/lib/validation/line-items";
import { opportunityCreateSchema, opportunityUpdateSchema } from "@/lib/validation/opportunity";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";

const money = z.string().describe('Decimal string, e.g. "1250.00"');
const day = z.string().describe("YYYY-MM-DD");
const timestamp = z.string().describe("ISO 8601 UTC");
const status = z.enum(["OPEN", "WON", "LOST"]);

export const opportunitySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    externalId: z.string().nullable(),
    pipelineId: z.string(),
    stageId: z.string(),
    rank: z.string().describe("Place inside the stage column (fractional index)"),
    status,
    probability: z.number().int(),
    probabilityOverridden: z.boolean(),
    forecastCategory: z.enum(["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"]),
    forecastCategoryOverridden: z.boolean(),
    amount: money,
    currency: z.string(),
    exchangeRate: z.string().describe("Units of the base currency per unit of currency"),
    baseAmount: money,
    oneTimeAmount: money.describe("One-time revenue: amount = oneTimeAmount + recurringAmount x contractMonths (at least 1). With line items, the one-time lines' total"),
    recurringAmount: money,
    contractMonths: z.number().int().nullable(),
    weightedAmount: money.describe("amount x probability / 100"),
    expectedCloseDate: day.nullable(),
    actualCloseDate: day.nullable(),
    stageChangedAt: timestamp,
    statusChangedAt: timestamp,
    createdAt: timestamp,
    updatedAt: timestamp,
    ownerId: z.string(),
    assigneeId: z.string().nullable().describe("Who works the deal (RamBase's Assignee); sees and edits it as a member does, while the owner keeps the credit"),
    createdById: z.string().nullable(),
    memberIds: z.array(z.string()),
    accountId: z.string().nullable(),
    contacts: z.array(z.object({ contactId: z.string(), isPrimary: z.boolean() })),
    sourceId: z.string().nullable(),
    typeId: z.string().nullable(),
    labels: z.array(z.string()),
    rating: z.number().int().nullable(),
    lostReasonId: z.string().nullable(),
    lostNote: z.string().nullable(),
    competitor: z.string().nullable(),
    isPrivate: z.boolean(),
    customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    utmSource: z.string().nullable(),
    utmMedium: z.string().nullable(),
    utmCampaign: z.string().nullable(),
    utmContent: z.string().nullable(),
    version: z.number().int().describe("Bumped on every change; send it back (or If-Match) to update safely"),
  })
  .meta({ id: "Opportunity" });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD").refine(isIsoDate, "Use a real date between 1900 and 2999");
const idFilter = z.string().min(1).max(100).optional();

export const listOpportunities = endpoint({
  method: "get",
  path: "/opportunities",
  tag: "Opportunities",
  summary: "List opportunities",
  description: "Newest first unless sorted. `q` searches titles, account names and contact names and emails for the text as typed (`%` and `_` are ordinary characters), and matches an exact `externalId`; the board and the Opportunities table search the same way. Only opportunities you may see are listed.",
  auth: "user",
  query: z.strictObject({
    ...pagingQuery,
    pipelineId: idFilter,
    stageId: idFilter,
    status: status.optional(),
    ownerId: idFilter,
    assigneeId: idFilter.describe("Deals assigned to this user"),
    accountId: idFilter,
    q: z.string().trim().min(1).max(200).optional(),
    expectedCloseFrom: isoDay.optional(),
    expectedCloseTo: isoDay.optional(),
    updatedSince: updatedSinceFilter,
    label: z.string().min(1).max(40).optional(),
    sort: z
      .string()
      .regex(new RegExp(`^-?(${API_SORT_FIELDS.join("|")})$`), `Sort by ${API_SORT_FIELDS.join(", ")}, with - for descending`)
      .default("-createdAt"),
  }),
  response: listEnvelope(opportunitySchema),
});

export const createOpportunity = endpoint({
  method: "post",
  path: "/opportunities",
  tag: "Opportunities",
  summary: "Create an opportunity",
  description: "Only title and stageId are required; owner defaults to you, currency to the base currency, probability to the stage's. `lineItems` creates the deal's lines in the same transaction; the amounts are then theirs.",
  auth: "user",
  body: opportunityCreateWithLinesSchema,
  response: opportunitySchema,
  status: 201,
  errors: [409],
  example: { title: "Acme platform rollout", stageId: "<stage id>", amount: "125000.00", currency: "EUR", expectedCloseDate: "2027-03-31" },
});

export const getOpportunity = endpoint({
  method: "get",
  path: "/opportunities/{id}",
  tag: "Opportunities",
  summary: "Get an opportunity",
  auth: "user",
  params: idParams,
  response: opportunitySchema,
  errors: [404],
});

export const updateOpportunity = endpoint({
  method: "patch",
  path: "/opportunities/{id}",
  tag: "Opportunities",
  summary: "Update an opportunity",
  description: "Partial update: fields not sent stay unchanged. A stage change applies the stage rules and writes history. Send `version` or If-Match to refuse stale writes (409).",
  auth: "user",
  params: idParams,
  body: opportunityUpdateSchema,
  response: opportunitySchema,
  errors: [403, 404, 409],
  example: { amount: "98000.00", version: 3 },
});

export const deleteOpportunity = endpoint({
  method: "delete",
  path: "/opportunities/{id}",
  tag: "Opportunities",
  summary: "Delete an opportunity",
  auth: "user",
  params: idParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
  errors: [403, 404, 409],
});

export const moveOpportunity = endpoint({
  method: "post",
  path: "/opportunities/{id}/move",
  tag: "Opportunities",
  summary: "Move an opportunity on the board",
  description:
    "To a stage and a place in its column (between beforeId and afterId), like a drag on the board. Moving to a lost stage needs lostReasonId. " +
    "A retry with the same Idempotency-Key and body answers the first move and moves nothing again.",
  auth: "user",
  params: idParams,
  body: moveOpportunitySchema.omit({ opportunityId: true }).strict(),
  response: z.object({ id: z.string(), stageId: z.string(), status, probability: z.number().int(), version: z.number().int() }).passthrough(),
  errors: [403, 404, 409],
  example: { stageId: "<stage id>", afterId: "<id of the card below>" },
});

export const stageChangeSchema = z
  .object({
    id: z.string(),
    fromStageId: z.string().nullable().describe("Null for the first stage, or when that stage was deleted"),
    toStageId: z.string().nullable().describe("Null when that stage was deleted"),
    fromStatus: status.nullable(),
    toStatus: status,
    changedAt: timestamp,
    changedById: z.string().nullable(),
  })
  .meta({ id: "StageChange" });

export const opportunityHistory = endpoint({
  method: "get",
  path: "/opportunities/{id}/history",
  tag: "Opportunities",
  summary: "An opportunity's stage history",
  description: "Every stage change, oldest first: the source of time-in-stage, conversion and velocity figures.",
  auth: "user",
  params: idParams,
  response: z.object({ data: z.array(stageChangeSchema) }),
  errors: [404],
});

export const upsertOpportunityByExternalId = endpoint({
  method: "put",
  path: "/opportunities/by-external-id/{externalId}",
  tag: "Opportunities",
  summary: "Create or update by external id",
  description: "For integrations that sync from another system: creates the opportunity (201) the first time, updates it (200) afterwards. The body is that of a create.",
  auth: "user",
  params: z.strictObject({ externalId: z.string().min(1).max(200) }),
  body: opportunityCreateSchema,
  response: opportunitySchema,
  errors: [403, 409],
  example: { title: "ERP order 4711", stageId: "<stage id>", amount: "9900.00" },
});
