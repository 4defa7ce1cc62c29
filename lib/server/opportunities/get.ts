// Reading one opportunity: only through the visibility rule, so a private
// opportunity the actor may not see is "not found", never "forbidden"
// (which would confirm it exists).
import { database, prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { canEditOpportunity } from "../permissions";
import { visibleOpportunities, visibleOpportunitiesSql } from "../visibility";
import type { OpportunityDto, OpportunityRowWithRelations } from "./dto";
import { dtoJsonSql, OPPORTUNITY_DTO_COLUMNS } from "./dto-sql";
import { statementName } from "@/lib/db/statement-names";

type Db = Prisma.TransactionClient;

export function visibleById(actor: Actor, id: string): Prisma.OpportunityWhereInput {
  return { AND: [{ id }, visibleOpportunities(actor)] };
}

/**
 * Rows with their members and contacts in ONE round trip: Prisma's include
 * costs three, and these are the API's hottest reads (BENCHMARKS.md, REST API).
 * Raw results come back with the model's types (Decimal, Date, arrays, JSON),
 * in the shape and order of `opportunityDtoInclude`.
 */
const ROWS_WITH_RELATIONS = Prisma.sql`
  SELECT o.*,
    (SELECT COALESCE(json_agg(json_build_object('userId', m."userId") ORDER BY m."createdAt"), '[]')
       FROM "OpportunityMember" m WHERE m."opportunityId" = o."id") AS "members",
    (SELECT COALESCE(json_agg(json_build_object('contactId', c."contactId", 'isPrimary', c."isPrimary") ORDER BY c."isPrimary" DESC, c."contactId"), '[]')
       FROM "OpportunityContact" c WHERE c."opportunityId" = o."id") AS "contacts"
  FROM "Opportunity" o`;

async function findRow(actor: Actor | null, id: string, db: Pick<Db, "$queryRaw">): Promise<OpportunityRowWithRelations | null> {
  const visible = actor ? visibleOpportunitiesSql(actor, "o") : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<OpportunityRowWithRelations[]>`${ROWS_WITH_RELATIONS} WHERE o."id" = ${id} AND ${visible}`;
  return rows[0] ?? null;
}

/** The rows of `ids` (already authorised by the caller's query), in the order of `ids`. */
export async function loadOpportunityRows(ids: string[], db: Pick<Db, "$queryRaw"> = prisma()): Promise<OpportunityRowWithRelations[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<OpportunityRowWithRelations[]>`${ROWS_WITH_RELATIONS} WHERE o."id" = ANY(${ids}::text[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Inside a transaction: the row with its members and contacts, or NOT_FOUND. */
export async function findVisibleOpportunity(actor: Actor, id: string, db: Db): Promise<OpportunityRowWithRelations> {
  const row = await findRow(actor, id, db);
  if (!row) throw notFound("Opportunity");
  return row;
}

/** After a write the actor was allowed to make: the row as it is now, whoever may see it. */
export async function loadOpportunityRow(id: string, db: Db): Promise<OpportunityRowWithRelations> {
  const row = await findRow(null, id, db);
  if (!row) throw notFound("Opportunity");
  return row;
}

/**
 * The API's read of one opportunity: one statement outside any transaction,
 * straight on the pool, the DTO built by PostgreSQL as JSON text (dto-sql.ts)
 * that the API sends as is; the version comes along for the ETag.
 */
export async function getOpportunityJson(actor: Actor, id: string): Promise<{ json: string; version: number }> {
  const query = Prisma.sql`SELECT ${Prisma.raw(dtoJsonSql(OPPORTUNITY_DTO_COLUMNS))}, o."version" FROM "Opportunity" o WHERE o."id" = ${id} AND ${visibleOpportunitiesSql(actor, "o")}`;
  const [row] = await database().queryArrays(query.text, query.values, statementName(query.text));
  if (!row) throw notFound("Opportunity");
  return { json: row[0] as string, version: row[1] as number };
}

/** The same read as a DTO object, for the pages and server actions. */
export async function getOpportunity(actor: Actor, id: string): Promise<OpportunityDto> {
  return JSON.parse((await getOpportunityJson(actor, id)).json) as OpportunityDto;
}

export function mayEdit(actor: Actor, dto: Pick<OpportunityDto, "ownerId" | "memberIds">): boolean {
  return canEditOpportunity(actor, dto);
}
