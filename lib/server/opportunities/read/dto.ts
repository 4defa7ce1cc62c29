// The Opportunity as the outside world sees it (DESIGN.md's API field names):
// ids as strings, money as decimal strings, dates YYYY-MM-DD, timestamps ISO
// 8601 UTC, weightedAmount derived, never stored. Defined once, and built by
// PostgreSQL: every read and write selects these columns as ONE JSON text per
// row, which the API sends as is (no per-cell parsing, no serializer, no
// JSON.stringify in the app: BENCHMARKS.md, REST API) and the pages parse.
// Both databases give the same text (tests/integration/opportunity-dto-sql.test.ts).
//
// Money is numeric cast to text (a JSON string, never a number), timestamps
// are formatted in UTC by to_char, and enums are cast to text.

export interface OpportunityDto {
  id: string;
  title: string;
  description: string | null;
  externalId: string | null;
  pipelineId: string;
  stageId: string;
  rank: string;
  status: "OPEN" | "WON" | "LOST";
  probability: number;
  probabilityOverridden: boolean;
  forecastCategory: "PIPELINE" | "BEST_CASE" | "COMMIT" | "CLOSED" | "OMITTED";
  forecastCategoryOverridden: boolean;
  amount: string;
  currency: string;
  exchangeRate: string;
  baseAmount: string;
  /** amount = oneTimeAmount + recurringAmount x contract months (at least 1). */
  oneTimeAmount: string;
  recurringAmount: string;
  contractMonths: number | null;
  weightedAmount: string;
  expectedCloseDate: string | null;
  actualCloseDate: string | null;
  stageChangedAt: string;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  ownerId: string;
  /** Who works the deal; null when nobody is assigned. */
  assigneeId: string | null;
  createdById: string | null;
  memberIds: string[];
  accountId: string | null;
  contacts: { contactId: string; isPrimary: boolean }[];
  sourceId: string | null;
  typeId: string | null;
  labels: string[];
  rating: number | null;
  lostReasonId: string | null;
  lostNote: string | null;
  competitor: string | null;
  isPrivate: boolean;
  customFields: Record<string, string | number | boolean>;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  version: number;
}

const TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const utc = (column: string) => `to_char(o."${column}" AT TIME ZONE 'UTC', ${TIMESTAMP})`;

/**
 * The select list on the Opportunity row aliased `o`, one column per DTO field,
 * named and ordered as OpportunityDto lists them, with the member ids (text[]) and
 * contacts (json array) given as SQL expressions. weightedAmount is amount x
 * probability / 100 rounded half away from zero to cents, as
 * lib/domain/money.ts computes it: the product with 0.01 is exact (numeric),
 * so round() rounds once. exchangeRate drops its trailing zeros.
 */
function dtoColumns(memberIds: string, contacts: string): string {
  return `
  o."id", o."title", o."description", o."externalId", o."pipelineId", o."stageId", o."rank",
  o."status"::text AS "status", o."probability", o."probabilityOverridden",
  o."forecastCategory"::text AS "forecastCategory", o."forecastCategoryOverridden",
  o."amount"::text AS "amount", o."currencyCode" AS "currency",
  trim_scale(o."exchangeRate")::text AS "exchangeRate",
  o."baseAmount"::text AS "baseAmount", o."oneTimeAmount"::text AS "oneTimeAmount", o."recurringAmount"::text AS "recurringAmount", o."contractMonths",
  round(o."amount" * o."probability" * 0.01, 2)::text AS "weightedAmount",
  to_char(o."expectedCloseDate", 'YYYY-MM-DD') AS "expectedCloseDate",
  to_char(o."actualCloseDate", 'YYYY-MM-DD') AS "actualCloseDate",
  ${utc("stageChangedAt")} AS "stageChangedAt", ${utc("statusChangedAt")} AS "statusChangedAt",
  ${utc("createdAt")} AS "createdAt", ${utc("updatedAt")} AS "updatedAt",
  o."ownerId", o."assigneeId", o."createdById", ${memberIds} AS "memberIds", o."accountId", ${contacts} AS "contacts",
  o."sourceId", o."typeId", o."labels", o."rating", o."lostReasonId", o."lostNote", o."competitor", o."isPrivate",
  o."customFields", o."utmSource", o."utmMedium", o."utmCampaign", o."utmContent", o."version"`;
}

// Members in the order they were added, contacts primary first.
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
 * Those columns as ONE JSON text per row (row_to_json keeps their order and
 * takes their names as keys), for responses that pass the database's JSON
 * through: no per-cell parsing, no objects, no JSON.stringify in the app.
 * Cast to text so that neither node-postgres nor Prisma parses it.
 */
export const dtoJsonSql = (columns: string) => `(SELECT row_to_json(d) FROM (SELECT ${columns}) d)::text`;

/** The DTO of the row `o` as JSON text: what every read of one opportunity and every write returns. */
export const OPPORTUNITY_DTO_JSON = dtoJsonSql(OPPORTUNITY_DTO_COLUMNS);
