// The Opportunity DTO computed by PostgreSQL, for the API's hot reads (GET one,
// the list): each value arrives in its wire form, so neither Prisma's per-cell
// type mapping nor a serializer runs in the app (BENCHMARKS.md, REST API).
// The formats are those of toOpportunityDto (dto.ts), which stays the
// serializer of Prisma rows; tests/integration/opportunity-dto-sql.test.ts
// proves the two agree on both databases.
//
// Only types that node-postgres (PostgreSQL) and Prisma's raw queries (PGlite)
// return alike are produced: text, int4, boolean, text[] and json(b). Money is
// numeric cast to text (never a JS number or Decimal), timestamps are
// formatted in UTC by to_char, and enums are cast to text.
import type { OpportunityDto } from "./dto";

const TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const utc = (column: string) => `to_char(o."${column}" AT TIME ZONE 'UTC', ${TIMESTAMP})`;

/**
 * The select list on the Opportunity row aliased `o`, one column per DTO field
 * in the order of opportunityDtoFromRow, with the member ids (text[]) and
 * contacts (json array) given as SQL expressions. weightedAmount is amount x
 * probability / 100 rounded half away from zero to cents, as
 * lib/domain/money.ts computes it: the product with 0.01 is exact (numeric),
 * so round() rounds once. exchangeRate drops trailing zeros, as the serializer does.
 */
function dtoColumns(memberIds: string, contacts: string): string {
  return `
  o."id", o."title", o."description", o."externalId", o."pipelineId", o."stageId", o."rank",
  o."status"::text AS "status", o."probability", o."probabilityOverridden",
  o."forecastCategory"::text AS "forecastCategory", o."forecastCategoryOverridden",
  o."amount"::text AS "amount", o."currencyCode" AS "currency",
  trim_scale(o."exchangeRate")::text AS "exchangeRate",
  o."baseAmount"::text AS "baseAmount", o."recurringAmount"::text AS "recurringAmount", o."contractMonths",
  round(o."amount" * o."probability" * 0.01, 2)::text AS "weightedAmount",
  to_char(o."expectedCloseDate", 'YYYY-MM-DD') AS "expectedCloseDate",
  to_char(o."actualCloseDate", 'YYYY-MM-DD') AS "actualCloseDate",
  ${utc("stageChangedAt")} AS "stageChangedAt", ${utc("statusChangedAt")} AS "statusChangedAt",
  ${utc("createdAt")} AS "createdAt", ${utc("updatedAt")} AS "updatedAt",
  o."ownerId", o."createdById", ${memberIds} AS "memberIds", o."accountId", ${contacts} AS "contacts",
  o."sourceId", o."typeId", o."labels", o."rating", o."lostReasonId", o."lostNote", o."competitor", o."isPrivate",
  o."customFields", o."utmSource", o."utmMedium", o."utmCampaign", o."utmContent", o."version"`;
}

/** How many columns the DTO takes; a statement may add its own after them. */
export const DTO_COLUMN_COUNT = 44;

// Members in the order they were added, contacts primary first: as opportunityDtoInclude (dto.ts) orders them.
const MEMBER_ORDER = `ORDER BY m."createdAt"`;
const CONTACT_LIST = `json_agg(json_build_object('contactId', c."contactId", 'isPrimary', c."isPrimary") ORDER BY c."isPrimary" DESC, c."contactId")`;

/** The DTO of a row `o`, its members and contacts read by subqueries (for one row). */
export const OPPORTUNITY_DTO_COLUMNS = dtoColumns(
  `ARRAY(SELECT m."userId" FROM "OpportunityMember" m WHERE m."opportunityId" = o."id" ${MEMBER_ORDER})`,
  `(SELECT COALESCE(${CONTACT_LIST}, '[]') FROM "OpportunityContact" c WHERE c."opportunityId" = o."id")`,
);

/**
 * For a set of rows (the statement's CTE named `ids`, column "id"): the
 * members and contacts of all of them aggregated at once into CTEs `mm` and
 * `cc` keyed by "opportunityId" (cheaper than two subqueries per row), to
 * LEFT JOIN and read with SET_DTO_COLUMNS.
 */
export function relationsOfSetSql(ids: string): string {
  return `
    mm AS (SELECT m."opportunityId", array_agg(m."userId" ${MEMBER_ORDER}) AS "ids"
           FROM "OpportunityMember" m WHERE m."opportunityId" IN (SELECT "id" FROM ${ids}) GROUP BY 1),
    cc AS (SELECT c."opportunityId", ${CONTACT_LIST} AS "list"
           FROM "OpportunityContact" c WHERE c."opportunityId" IN (SELECT "id" FROM ${ids}) GROUP BY 1)`;
}

export const SET_DTO_COLUMNS = dtoColumns(`COALESCE(mm."ids", '{}')`, `COALESCE(cc."list", '[]')`);

/**
 * A row of those columns (Database.queryArrays) as the DTO. One object
 * literal: every DTO gets the same shape, built and serialized on V8's fast paths.
 */
export function opportunityDtoFromRow(r: unknown[]): OpportunityDto {
  return {
    id: r[0] as string,
    title: r[1] as string,
    description: r[2] as string | null,
    externalId: r[3] as string | null,
    pipelineId: r[4] as string,
    stageId: r[5] as string,
    rank: r[6] as string,
    status: r[7] as OpportunityDto["status"],
    probability: r[8] as number,
    probabilityOverridden: r[9] as boolean,
    forecastCategory: r[10] as OpportunityDto["forecastCategory"],
    forecastCategoryOverridden: r[11] as boolean,
    amount: r[12] as string,
    currency: r[13] as string,
    exchangeRate: r[14] as string,
    baseAmount: r[15] as string,
    recurringAmount: r[16] as string,
    contractMonths: r[17] as number | null,
    weightedAmount: r[18] as string,
    expectedCloseDate: r[19] as string | null,
    actualCloseDate: r[20] as string | null,
    stageChangedAt: r[21] as string,
    statusChangedAt: r[22] as string,
    createdAt: r[23] as string,
    updatedAt: r[24] as string,
    ownerId: r[25] as string,
    createdById: r[26] as string | null,
    memberIds: r[27] as string[],
    accountId: r[28] as string | null,
    contacts: r[29] as OpportunityDto["contacts"],
    sourceId: r[30] as string | null,
    typeId: r[31] as string | null,
    labels: r[32] as string[],
    rating: r[33] as number | null,
    lostReasonId: r[34] as string | null,
    lostNote: r[35] as string | null,
    competitor: r[36] as string | null,
    isPrivate: r[37] as boolean,
    customFields: r[38] as OpportunityDto["customFields"],
    utmSource: r[39] as string | null,
    utmMedium: r[40] as string | null,
    utmCampaign: r[41] as string | null,
    utmContent: r[42] as string | null,
    version: r[43] as number,
  };
}
