// The Opportunity row in hand-written SQL that runs on either driver: on
// PostgreSQL through the pg pool (database().query, no Prisma client work per
// statement), on PGlite through Prisma's raw query. The two return different
// JS types for numeric (string vs Decimal) and date (local-time vs UTC Date)
// columns, so those go out as text and rowFromSql turns them into the
// Prisma-typed row toOpportunityDto takes; ints, booleans, timestamps, arrays
// and JSON come back alike. Values written are cast in SQL to the column's
// type, so neither driver has to guess a parameter's type.
import { Prisma, type Opportunity } from "@/lib/db/generated/client";
import type { OpportunityRowWithRelations } from "./dto";

type Column = keyof Opportunity;

/** Every column with its SQL type; `satisfies` fails the build when the model gains a column not listed here. */
export const COLUMN_TYPES = {
  id: "text", title: "text", description: "text", externalId: "text",
  pipelineId: "text", stageId: "text", rank: "text", status: '"OpportunityStatus"',
  probability: "int", probabilityOverridden: "boolean", forecastCategory: '"ForecastCategory"', forecastCategoryOverridden: "boolean",
  amount: "numeric", currencyCode: "text", exchangeRate: "numeric", baseAmount: "numeric", recurringAmount: "numeric", contractMonths: "int",
  expectedCloseDate: "date", actualCloseDate: "date",
  stageChangedAt: "timestamptz", statusChangedAt: "timestamptz", createdAt: "timestamptz", updatedAt: "timestamptz",
  ownerId: "text", createdById: "text", accountId: "text", sourceId: "text", typeId: "text",
  labels: "text[]", rating: "int", lostReasonId: "text", lostNote: "text", competitor: "text",
  isPrivate: "boolean", customFields: "jsonb",
  utmSource: "text", utmMedium: "text", utmCampaign: "text", utmContent: "text",
  version: "int",
} as const satisfies Record<Column, string>;

type Money = "amount" | "exchangeRate" | "baseAmount" | "recurringAmount";
type Dates = "expectedCloseDate" | "actualCloseDate";

/** The row as the SQL below returns it: money as decimal text, dates as YYYY-MM-DD. */
export type SqlOpportunityRow = Omit<OpportunityRowWithRelations, Money | Dates> & Record<Money, string> & Record<Dates, string | null>;

function selectOf(alias: string, column: Column): string {
  const type: string = COLUMN_TYPES[column];
  const ref = `${alias}."${column}"`;
  if (type === "numeric" || type.startsWith('"')) return `${ref}::text AS "${column}"`;
  if (type === "date") return `to_char(${ref}, 'YYYY-MM-DD') AS "${column}"`;
  return ref;
}

/** Every column of the row aliased `alias`, typed alike on both drivers (a SELECT list or RETURNING). */
export function opportunityColumnsSql(alias: string): Prisma.Sql {
  return Prisma.raw((Object.keys(COLUMN_TYPES) as Column[]).map((c) => selectOf(alias, c)).join(", "));
}

/** Members and contacts of the opportunity whose id is `idExpr`, in the order of opportunityDtoInclude. */
export function relationsSql(idExpr: string): Prisma.Sql {
  return Prisma.raw(`
    (SELECT COALESCE(json_agg(json_build_object('userId', m."userId") ORDER BY m."createdAt"), '[]')
       FROM "OpportunityMember" m WHERE m."opportunityId" = ${idExpr}) AS "members",
    (SELECT COALESCE(json_agg(json_build_object('contactId', c."contactId", 'isPrimary', c."isPrimary") ORDER BY c."isPrimary" DESC, c."contactId"), '[]')
       FROM "OpportunityContact" c WHERE c."opportunityId" = ${idExpr}) AS "contacts"`);
}

/** `value` as a parameter cast to `column`'s type: dates as YYYY-MM-DD, timestamps as ISO strings, JSON as text. */
export function valueSql(column: Column, value: unknown): Prisma.Sql {
  const type: string = COLUMN_TYPES[column];
  let param = value;
  if (value instanceof Date) param = type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  else if (type === "jsonb" && value !== null) param = JSON.stringify(value);
  else if (type === "numeric" && value !== null) param = String(value);
  return Prisma.sql`${param}::${Prisma.raw(type)}`;
}

export function rowFromSql(r: SqlOpportunityRow): OpportunityRowWithRelations {
  const date = (d: string | null) => (d === null ? null : new Date(`${d}T00:00:00.000Z`));
  return {
    ...r,
    amount: new Prisma.Decimal(r.amount),
    exchangeRate: new Prisma.Decimal(r.exchangeRate),
    baseAmount: new Prisma.Decimal(r.baseAmount),
    recurringAmount: new Prisma.Decimal(r.recurringAmount),
    expectedCloseDate: date(r.expectedCloseDate),
    actualCloseDate: date(r.actualCloseDate),
  };
}
