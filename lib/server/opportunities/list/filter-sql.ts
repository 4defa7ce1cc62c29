// The one opportunity filter. Every list of opportunities narrows with this
// condition: the board (lib/server/board/filters.ts maps its URL), the
// Opportunities table and its CSV export, the API list, and the forecast
// (its scope, and its windows by close date, so that a figure's link to the
// table lists exactly its deals). One meaning per filter, wherever it is used.
// SQL on Opportunity `o` alone (no join needed); every input is a bound
// parameter cast to its column's type (Prisma's raw queries on PGlite send
// typed parameters); only fixed identifiers are spliced.
import { Prisma } from "@/lib/db/generated/client";
import { clockOf } from "@/lib/domain/activities";
import type { ForecastCategory, StageType } from "@/lib/domain/stage-rules";
import { customFieldFilter } from "@/lib/validation/opportunity-list";
import type { Actor } from "../../auth/actor";
import { visibleOpportunitiesSql } from "../../visibility";

export interface OpportunityFilter {
  /** Text, matched literally: title, account name, contact first and last names and e-mails, or the exact external id. */
  q?: string;
  pipelineId?: string;
  stageId?: string;
  status?: StageType;
  ownerId?: string;
  assigneeId?: string;
  accountId?: string;
  /** Any of these labels. */
  labels?: readonly string[];
  /** The close date as the forecast counts it: the expected one while open, the actual one once won or lost. Days, inclusive. */
  closeFrom?: string;
  closeTo?: string;
  /** The expected close date only, whatever the status (the API's filters of that name). */
  expectedCloseFrom?: string;
  expectedCloseTo?: string;
  /** An ISO instant, at millisecond precision (as a JS Date holds it). */
  updatedSince?: string;
  forecastCategory?: ForecastCategory;
  /** One custom field's value, as "<key>:<value>". */
  field?: string;
  /** Planned work: "none" no open activity; "overdue" an open activity past due (lib/domain/activities.ts isOverdue). */
  activity?: "none" | "overdue";
}

/** The actor's visibility (always) and the filter, as one boolean condition on `o`. */
export function opportunityFilterSql(actor: Actor, filter: OpportunityFilter): Prisma.Sql {
  return Prisma.join([visibleOpportunitiesSql(actor, "o"), ...filterConditions(filter)], " AND ");
}

/** The filter alone, for a caller that applies visibility in its own form (the forecast's stage history); null when it filters nothing. */
export function filterOnlySql(filter: OpportunityFilter): Prisma.Sql | null {
  const conditions = filterConditions(filter);
  return conditions.length ? Prisma.join(conditions, " AND ") : null;
}

function filterConditions(f: OpportunityFilter): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (f.pipelineId) and.push(Prisma.sql`o."pipelineId" = ${f.pipelineId}::text`);
  if (f.stageId) and.push(Prisma.sql`o."stageId" = ${f.stageId}::text`);
  if (f.status) and.push(Prisma.sql`o."status" = ${f.status}::text::"OpportunityStatus"`);
  if (f.ownerId) and.push(Prisma.sql`o."ownerId" = ${f.ownerId}::text`);
  if (f.assigneeId) and.push(Prisma.sql`o."assigneeId" = ${f.assigneeId}::text`);
  if (f.accountId) and.push(Prisma.sql`o."accountId" = ${f.accountId}::text`);
  if (f.labels?.length) and.push(Prisma.sql`o."labels" && ${[...f.labels]}::text[]`);
  if (f.closeFrom || f.closeTo) and.push(closeDateInSql(f.closeFrom, f.closeTo));
  if (f.expectedCloseFrom) and.push(Prisma.sql`o."expectedCloseDate" >= ${f.expectedCloseFrom}::date`);
  if (f.expectedCloseTo) and.push(Prisma.sql`o."expectedCloseDate" <= ${f.expectedCloseTo}::date`);
  if (f.updatedSince) and.push(Prisma.sql`o."updatedAt" >= ${new Date(f.updatedSince).toISOString()}::timestamptz`);
  if (f.forecastCategory) and.push(Prisma.sql`o."forecastCategory" = ${f.forecastCategory}::text::"ForecastCategory"`);
  if (f.field) and.push(customFieldSql(f.field));
  if (f.q) and.push(searchSql(f.q));
  if (f.activity) and.push(activitySql(f.activity));
  return and;
}

/**
 * Deals without an open activity, or with one past due: a probe of the partial index of open
 * activities per deal. Overdue as isOverdue says: a date before today, or today at a time past
 * (the app's clock, UTC).
 */
export function activitySql(kind: "none" | "overdue", now = clockOf(new Date())): Prisma.Sql {
  if (kind === "none") return Prisma.sql`NOT EXISTS (SELECT 1 FROM "Activity" fa WHERE fa."opportunityId" = o."id" AND NOT fa."done")`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Activity" fa WHERE fa."opportunityId" = o."id" AND NOT fa."done"
    AND (fa."dueDate" < ${now.date}::date OR (fa."dueDate" = ${now.date}::date AND fa."dueTime" < ${now.time}::text)))`;
}

/**
 * Deals whose close date lies in [from, to]: open ones by the expected date,
 * won and lost ones by the actual date. Written as an OR on status so that
 * each side uses its (status, date) index.
 */
export function closeDateInSql(from: string | undefined, to: string | undefined): Prisma.Sql {
  const range = (column: string) => {
    const c = Prisma.raw(`o."${column}"`);
    const bounds = [...(from ? [Prisma.sql`${c} >= ${from}::date`] : []), ...(to ? [Prisma.sql`${c} <= ${to}::date`] : [])];
    return Prisma.join(bounds, " AND ");
  };
  return Prisma.sql`((o."status" = 'OPEN' AND ${range("expectedCloseDate")}) OR (o."status" IN ('WON', 'LOST') AND ${range("actualCloseDate")}))`;
}

/** `contains`, literally: LIKE's wildcards and its escape character (backslash) in the text match themselves. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The text search. The account and contact look-ups are uncorrelated `IN`
 * subqueries: PostgreSQL runs each once per query and hashes its ids, instead
 * of probing per opportunity (the board scans thousands of cards).
 */
function searchSql(q: string): Prisma.Sql {
  const p = containsPattern(q);
  return Prisma.sql`(o."title" ILIKE ${p}::text OR o."externalId" = ${q}::text
    OR o."accountId" IN (SELECT qa."id" FROM "Account" qa WHERE qa."name" ILIKE ${p}::text)
    OR o."id" IN (SELECT qoc."opportunityId" FROM "OpportunityContact" qoc JOIN "Contact" qc ON qc."id" = qoc."contactId"
                  WHERE qc."firstName" ILIKE ${p}::text OR qc."lastName" ILIKE ${p}::text OR qc."email" ILIKE ${p}::text))`;
}

/** Custom field values are JSON: match the text, and the number or boolean it spells. */
function customFieldSql(field: string): Prisma.Sql {
  const { key, value } = customFieldFilter(field);
  const alternatives = [JSON.stringify(value)];
  if (value === "true" || value === "false") alternatives.push(value);
  if (/^-?\d+(\.\d+)?$/.test(value)) alternatives.push(JSON.stringify(Number(value)));
  return Prisma.sql`o."customFields" -> ${key}::text IN (${Prisma.join(alternatives.map((a) => Prisma.sql`${a}::jsonb`))})`;
}
