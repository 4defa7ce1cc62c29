// The Opportunity's columns as the hand-written writes set them, on either
// driver (PostgreSQL through the pg pool, PGlite through Prisma's raw query):
// each value is cast in SQL to its column's type, so neither driver has to
// guess a parameter's type. What a write returns is the DTO (read/dto.ts).
import { Prisma, type Opportunity } from "@/lib/db/generated/client";

type Column = keyof Opportunity;

/** Every column with its SQL type; `satisfies` fails the build when the model gains a column not listed here. */
export const COLUMN_TYPES = {
  id: "text", title: "text", description: "text", externalId: "text",
  pipelineId: "text", stageId: "text", rank: "text", status: '"OpportunityStatus"',
  probability: "int", probabilityOverridden: "boolean", forecastCategory: '"ForecastCategory"', forecastCategoryOverridden: "boolean",
  amount: "numeric", currencyCode: "text", exchangeRate: "numeric", baseAmount: "numeric", oneTimeAmount: "numeric", recurringAmount: "numeric", contractMonths: "int",
  expectedCloseDate: "date", actualCloseDate: "date",
  stageChangedAt: "timestamptz", statusChangedAt: "timestamptz", createdAt: "timestamptz", updatedAt: "timestamptz",
  ownerId: "text", assigneeId: "text", createdById: "text", accountId: "text", sourceId: "text", typeId: "text",
  labels: "text[]", rating: "int", lostReasonId: "text", lostNote: "text", competitor: "text",
  isPrivate: "boolean", customFields: "jsonb",
  utmSource: "text", utmMedium: "text", utmCampaign: "text", utmContent: "text",
  version: "int",
} as const satisfies Record<Column, string>;

/** `value` as a parameter cast to `column`'s type: dates as YYYY-MM-DD, timestamps as ISO strings, JSON as text. */
export function valueSql(column: Column, value: unknown): Prisma.Sql {
  const type: string = COLUMN_TYPES[column];
  let param = value;
  if (value instanceof Date) param = type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  else if (type === "jsonb" && value !== null) param = JSON.stringify(value);
  else if (type === "numeric" && value !== null) param = String(value);
  return Prisma.sql`${param}::${Prisma.raw(type)}`;
}
