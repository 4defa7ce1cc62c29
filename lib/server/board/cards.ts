// Pages of cards in board order (rank, then id), as card DTOs. One SQL query
// reads the first page of every requested column (a LATERAL join over the
// stage ids, each side using the (stageId, rank, id) order with a LIMIT), and
// selects only what a card shows, with the account's and owner's names
// joined in: the board's cost was Prisma's per-query work, not the SQL.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { BOARD_PAGE_SIZE } from "@/lib/validation/board";
import type { Actor } from "../auth/actor";
import { canEditOpportunity } from "../permissions";
import type { BoardCondition } from "./filters";

export interface BoardCard {
  id: string;
  title: string;
  accountName: string | null;
  amount: string;
  currency: string;
  /** The amount in the base currency, for the column totals' optimistic update. */
  baseAmount: string;
  probability: number;
  ownerId: string;
  ownerName: string;
  expectedCloseDate: string | null;
  labels: string[];
  stageChangedAt: string;
  isPrivate: boolean;
  rank: string;
  version: number;
  /** Whether the actor may move it (permissions.ts); others' cards are shown but not draggable. */
  editable: boolean;
}

export interface CardPage {
  cards: BoardCard[];
  /** Pass back to get the next page; null when the column is exhausted. */
  nextCursor: string | null;
}

/** A card row as SQL returns it: dates and decimals already in their wire format. */
type CardRow = Omit<BoardCard, "editable"> & { stageId: string; actorIsMember: boolean; position?: bigint };

function toCard(actor: Actor, row: CardRow): BoardCard {
  const { stageId: _stageId, actorIsMember, position: _position, ...card } = row;
  // Only the actor's own membership matters for the editable flag.
  return { ...card, editable: canEditOpportunity(actor, { ownerId: row.ownerId, memberIds: actorIsMember ? [actor.id] : [] }) };
}

export const encodeCursor = (card: { rank: string; id: string }) => `${card.rank}~${card.id}`;

function afterCursor(cursor: string | null): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const [rank, id] = cursor.split("~");
  return Prisma.sql`(o."rank" > ${rank} OR (o."rank" = ${rank} AND o."id" > ${id}))`;
}

const cardColumns = (actor: Actor) => Prisma.sql`
  o."id", o."stageId", o."title", a."name" AS "accountName", o."amount"::text AS "amount",
  o."currencyCode" AS "currency", o."baseAmount"::text AS "baseAmount", o."probability", o."ownerId",
  u."name" AS "ownerName", to_char(o."expectedCloseDate", 'YYYY-MM-DD') AS "expectedCloseDate", o."labels",
  to_char(o."stageChangedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "stageChangedAt",
  o."isPrivate", o."rank", o."version",
  EXISTS (SELECT 1 FROM "OpportunityMember" m WHERE m."opportunityId" = o."id" AND m."userId" = ${actor.id}) AS "actorIsMember"`;

const cardSource = Prisma.sql`"Opportunity" o LEFT JOIN "Account" a ON a."id" = o."accountId" JOIN "User" u ON u."id" = o."ownerId"`;

/**
 * The SQL for up to `limits[k]` rows of stage `stageIds[k]`. Unselective
 * conditions walk each column's (stageId, rank, id) index and stop at the
 * limit (a LATERAL join per stage: cheap even for a 5,000-card column).
 * Selective ones (text, labels) would walk a whole column through the index
 * to find few matches, so they scan the table once and number the matches
 * per stage instead.
 */
function pagesSql(actor: Actor, where: Prisma.Sql, stageIds: string[], limits: number[], selective: boolean): Prisma.Sql {
  if (selective) {
    return Prisma.sql`
      SELECT c.* FROM (
        SELECT ${cardColumns(actor)}, row_number() OVER (PARTITION BY o."stageId" ORDER BY o."rank", o."id") AS "position"
        FROM ${cardSource} WHERE o."stageId" = ANY(${stageIds}::text[]) AND ${where}
      ) c JOIN unnest(${stageIds}::text[], ${limits}::int[]) AS s("id", "limit") ON s."id" = c."stageId"
      WHERE c."position" <= s."limit"
      ORDER BY c."stageId", c."rank", c."id"`;
  }
  return Prisma.sql`
    SELECT c.* FROM unnest(${stageIds}::text[], ${limits}::int[]) AS s("id", "limit") CROSS JOIN LATERAL (
      SELECT ${cardColumns(actor)} FROM ${cardSource}
      WHERE o."stageId" = s."id" AND ${where} ORDER BY o."rank", o."id" LIMIT s."limit"
    ) c
    ORDER BY c."stageId", c."rank", c."id"`;
}

export interface PageOptions {
  /** Cards after this one (the same cursor for every stage, so pass one only for a single stage). */
  cursor?: string | null;
  /** Cards per stage: BOARD_PAGE_SIZE, or more for the stages named here (a refresh of loaded pages). */
  sizes?: Readonly<Record<string, number>>;
}

/**
 * The first cards of each stage (after `cursor`). `condition` is
 * boardConditionSql: visibility and filters on `o`;
 * `selective` says whether it keeps only a small share of the cards.
 */
export async function columnPages(actor: Actor, condition: BoardCondition, stageIds: string[], options: PageOptions = {}): Promise<Map<string, CardPage>> {
  const where = Prisma.sql`${condition.sql} AND ${afterCursor(options.cursor ?? null)}`;
  const sizes = stageIds.map((id) => Math.max(BOARD_PAGE_SIZE, options.sizes?.[id] ?? 0));
  // One row more than shown says whether the column goes on.
  const rows = stageIds.length === 0 ? [] : await prisma().$queryRaw<CardRow[]>(pagesSql(actor, where, stageIds, sizes.map((n) => n + 1), condition.selective));
  const byStage = new Map<string, CardRow[]>(stageIds.map((id) => [id, []]));
  for (const row of rows) byStage.get(row.stageId)?.push(row);
  return new Map(
    stageIds.map((stageId, k) => {
      const stageRows = byStage.get(stageId)!;
      const cards = stageRows.slice(0, sizes[k]).map((row) => toCard(actor, row));
      return [stageId, { cards, nextCursor: stageRows.length > sizes[k] ? encodeCursor(cards[cards.length - 1]) : null }];
    }),
  );
}

/** One column's page after `cursor`. */
export async function columnPage(actor: Actor, condition: BoardCondition, stageId: string, cursor: string | null): Promise<CardPage> {
  return (await columnPages(actor, condition, [stageId], { cursor })).get(stageId)!;
}
