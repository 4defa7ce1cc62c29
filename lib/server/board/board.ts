// Everything the board screen shows for one pipeline: its open stages with
// their first page of cards, the closed stages as drop zones, the totals of
// every stage (SQL over all matching cards) and the pickers' choices.
import { prisma } from "@/lib/db";
import type { BoardFilters } from "@/lib/validation/board";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { cardsByIds, columnPage, columnPages, type BoardCard } from "./cards";
import { boardConditionSql } from "./filters";
import { loadBoardReference } from "./reference";
import { columnTotals, ZERO_TOTALS, type ColumnTotals } from "./totals";

export interface BoardStage {
  id: string;
  name: string;
  type: "OPEN" | "WON" | "LOST";
  color: string;
  probability: number;
  rottingDays: number | null;
  totals: ColumnTotals;
  /** First page of cards, or as many as the refresh asked for (open stages only; closed stages are drop zones). */
  cards: BoardCard[];
  nextCursor: string | null;
}

export interface BoardData {
  pipeline: { id: string; name: string };
  pipelines: { id: string; name: string }[];
  stages: BoardStage[];
  baseCurrency: string;
  owners: { id: string; name: string }[];
  labels: { key: string; name: string; color: string }[];
  lostReasons: { id: string; name: string }[];
}

/**
 * `loaded` (stage id -> card count) asks for more than the first page of
 * those columns: a refresh of a board whose columns were paged further
 * reloads what it shows (parseLoadedCounts caps it).
 */
export async function loadBoard(actor: Actor, pipelineId: string | null, filters: BoardFilters, loaded: Readonly<Record<string, number>> = {}): Promise<BoardData> {
  const { pipelineId: chosen, stages, ...reference } = await loadBoardReference(pipelineId);
  const pipeline = reference.pipelines.find((p) => p.id === chosen);
  if (!pipeline) throw notFound("Pipeline");
  const condition = boardConditionSql(actor, filters);
  const [totals, pages] = await Promise.all([
    columnTotals(condition, stages.map((s) => s.id)),
    columnPages(actor, condition, stages.filter((s) => s.type === "OPEN").map((s) => s.id), { sizes: loaded }),
  ]);
  return {
    ...reference,
    pipeline,
    stages: stages.map((s) => ({ ...s, totals: totals[s.id] ?? ZERO_TOTALS, ...(pages.get(s.id) ?? { cards: [], nextCursor: null }) })),
  };
}

/** The stage's pipeline must exist; the page is filtered like the board. */
export async function loadColumnPage(actor: Actor, stageId: string, filters: BoardFilters, cursor: string | null) {
  const stage = await prisma().stage.findUnique({ where: { id: stageId }, select: { id: true } });
  if (!stage) throw notFound("Stage");
  return columnPage(actor, boardConditionSql(actor, filters), stageId, cursor);
}

/** Fresh totals for every stage of a pipeline (after a move, without reloading the cards). */
export async function loadBoardTotals(actor: Actor, pipelineId: string, filters: BoardFilters): Promise<Record<string, ColumnTotals>> {
  const stages = await prisma().stage.findMany({ where: { pipelineId }, select: { id: true } });
  if (stages.length === 0) throw notFound("Pipeline");
  return columnTotals(boardConditionSql(actor, filters), stages.map((s) => s.id));
}

export interface BoardCardsUpdate {
  /** The asked cards the board shows now, with their column; an asked id missing here leaves the board. */
  cards: { stageId: string; card: BoardCard }[];
  /** Fresh totals of every stage. */
  totals: Record<string, ColumnTotals>;
}

/** A live update of the board: the changed cards as the actor may see them on this pipeline and filters, and the totals. */
export async function loadBoardCards(actor: Actor, pipelineId: string, filters: BoardFilters, ids: string[]): Promise<BoardCardsUpdate> {
  const stages = await prisma().stage.findMany({ where: { pipelineId }, select: { id: true, type: true } });
  if (stages.length === 0) throw notFound("Pipeline");
  const condition = boardConditionSql(actor, filters);
  const open = stages.filter((s) => s.type === "OPEN").map((s) => s.id);
  const [cards, totals] = await Promise.all([cardsByIds(actor, condition, open, ids), columnTotals(condition, stages.map((s) => s.id))]);
  return { cards, totals };
}
