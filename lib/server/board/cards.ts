// Pages of cards in board order (rank, then id), as card DTOs. One SQL query
// reads the first page of every requested column (a LATERAL join over the
// stage ids, each side using the (stageId, rank, id) order with a LIMIT), and
// selects only what a card shows, with the account's and owner's names and
// the next open activity joined in: the board's cost was Prisma's per-query work, not the SQL.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { DUE_ORDER_SQL } from "@/lib/domain/activities";
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
  /** Who works the deal, when someone other than nobody is assigned. */
  assigneeId: string | null;
  assigneeName: string | null;
  expectedCloseDate: string | null;
  labels: string[];
  stageChangedAt: string;
  isPrivate: boolean;
  rank: string;
  version: number;
  /** Whether the actor may move it (permissions.ts); others' cards are shown but not draggable. */
  editable: boolean;
  /** Its first open activity in due order (null: nothing planned). */
  nextActivity: NextActivity | null;
}

export interface NextActivity {
  id: string;
  subject: string;
  dueDate: string | null;
  dueTime: string | null;
  type: string;
  icon: string;
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
  return { ...card, editable: canEditOpportunity(actor, { ownerId: row.ownerId, assigneeId: row.assigneeId, memberIds: actorIsMember ? [actor.id] : [] }) };
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
  u."name" AS "ownerName", o."assigneeId", (SELECT x."name" FROM "User" x WHERE x."id" = o."assigneeId") AS "assigneeName", to_char(o."expectedCloseDate", 'YYYY-MM-DD') AS "expectedCloseDate", o."labels",
  to_char(o."stageChangedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "stageChangedAt",
  o."isPrivate", o."rank", o."version",
  EXISTS (SELECT 1 FROM "OpportunityMember" m WHERE m."opportunityId" = o."id" AND m."userId" = ${actor.id}) AS "actorIsMember",
  ${Prisma.raw(NEXT_ACTIVITY_JSON)} AS "nextActivity"`;

/** NEXT_ACTIVITY_JOIN's row as a card's nextActivity (JSON), or NULL. */
export const NEXT_ACTIVITY_JSON = `CASE WHEN na."id" IS NULL THEN NULL ELSE json_build_object('id', na."id", 'subject', na."subject",
    'dueDate', to_char(na."dueDate", 'YYYY-MM-DD'), 'dueTime', na."dueTime", 'type', na."type", 'icon', na."icon") END`;

/** A deal's next open activity: one probe of the partial index of open activities per deal (its due order). */
export const NEXT_ACTIVITY_JOIN = `LEFT JOIN LATERAL (
    SELECT x."id", x."subject", x."dueDate", x."dueTime", t."name" AS "type", t."icon"
    FROM "Activity" x JOIN "ActivityType" t ON t."id" = x."typeId"
    WHERE x."opportunityId" = o."id" AND NOT x."done"
    ORDER BY ${DUE_ORDER_SQL("x")} LIMIT 1) na ON TRUE`;

const cardSource = Prisma.sql`"Opportunity" o LEFT JOIN "Account" a ON a."id" = o."accountId" JOIN "User" u ON u."id" = o."ownerId" ${Prisma.raw(NEXT_ACTIVITY_JOIN)}`;

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

/** The cards among `ids` the board shows (visible to the actor, matching the filters, in one of `stageIds`), with their stage. */
export async function cardsByIds(actor: Actor, condition: BoardCondition, stageIds: string[], ids: string[]): Promise<{ stageId: string; card: BoardCard }[]> {
  if (stageIds.length === 0 || ids.length === 0) return [];
  const rows = await prisma().$queryRaw<CardRow[]>(Prisma.sql`
    SELECT ${cardColumns(actor)} FROM ${cardSource}
    WHERE o."id" = ANY(${ids}::text[]) AND o."stageId" = ANY(${stageIds}::text[]) AND ${condition.sql}`);
  return rows.map((row) => ({ stageId: row.stageId, card: toCard(actor, row) }));
}
