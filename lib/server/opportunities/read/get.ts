// Reading one opportunity: only through the visibility rule, so a private
// opportunity the actor may not see is "not found", never "forbidden"
// (which would confirm it exists).
import { database } from "@/lib/db";
import { Prisma, type Opportunity } from "@/lib/db/generated/client";
import { statementName } from "@/lib/db/statement-names";
import type { Actor } from "../../auth/actor";
import { notFound } from "../../errors";
import { canEditOpportunity } from "../../permissions";
import { visibleOpportunities, visibleOpportunitiesSql } from "../../visibility";
import { OPPORTUNITY_DTO_JSON, type OpportunityDto } from "./dto";

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

export function visibleById(actor: Actor, id: string): Prisma.OpportunityWhereInput {
  return { AND: [{ id }, visibleOpportunities(actor)] };
}

/** The stored row (the model's types) with its member ids, for services that change it inside a transaction. */
export type OpportunityRecord = Opportunity & { memberIds: string[] };

/** Inside a transaction: the row with its member ids, or NOT_FOUND when the actor may not see it. */
export async function findVisibleOpportunity(actor: Actor, id: string, db: Db): Promise<OpportunityRecord> {
  const [row] = await db.$queryRaw<OpportunityRecord[]>`
    SELECT o.*, ARRAY(SELECT m."userId" FROM "OpportunityMember" m WHERE m."opportunityId" = o."id" ORDER BY m."createdAt") AS "memberIds"
    FROM "Opportunity" o WHERE o."id" = ${id} AND ${visibleOpportunitiesSql(actor, "o")}`;
  if (!row) throw notFound("Opportunity");
  return row;
}

/** After a write the actor was allowed to make, in its transaction: the DTO as it is now, whoever may see it. */
export async function loadOpportunityDto(id: string, db: Db): Promise<OpportunityDto> {
  const [row] = await db.$queryRaw<{ dto: string }[]>`SELECT ${Prisma.raw(OPPORTUNITY_DTO_JSON)} AS "dto" FROM "Opportunity" o WHERE o."id" = ${id}`;
  if (!row) throw notFound("Opportunity");
  return JSON.parse(row.dto) as OpportunityDto;
}

/**
 * The API's read of one opportunity: one statement outside any transaction,
 * straight on the pool, the DTO built by PostgreSQL as JSON text (dto.ts)
 * that the API sends as is; the version comes along for the ETag.
 */
export async function getOpportunityJson(actor: Actor, id: string): Promise<{ json: string; version: number }> {
  const query = Prisma.sql`SELECT ${Prisma.raw(OPPORTUNITY_DTO_JSON)}, o."version" FROM "Opportunity" o WHERE o."id" = ${id} AND ${visibleOpportunitiesSql(actor, "o")}`;
  const [row] = await database().queryArrays(query.text, query.values, statementName(query.text));
  if (!row) throw notFound("Opportunity");
  return { json: row[0] as string, version: row[1] as number };
}

/** The same read as a DTO object, for the pages and server actions. */
export async function getOpportunity(actor: Actor, id: string): Promise<OpportunityDto> {
  return JSON.parse((await getOpportunityJson(actor, id)).json) as OpportunityDto;
}

export function mayEdit(actor: Actor, dto: Pick<OpportunityDto, "ownerId" | "assigneeId" | "memberIds">): boolean {
  return canEditOpportunity(actor, dto);
}
