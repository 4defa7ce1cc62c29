// Everything the board screen shows for one pipeline: its open stages with
// their first page of cards, the closed stages as drop zones, the totals of
// every stage (SQL over all matching cards) and the pickers' choices.
import { prisma } from "@/lib/db";
import type { BoardFilters } from "@/lib/validation/board";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { columnPage, type BoardCard } from "./cards";
import { boardWhere } from "./filters";
import { columnTotals, ZERO_TOTALS, type ColumnTotals } from "./totals";

export interface BoardStage {
  id: string;
  name: string;
  type: "OPEN" | "WON" | "LOST";
  color: string;
  probability: number;
  rottingDays: number | null;
  totals: ColumnTotals;
  /** First page of cards (open stages only; closed stages are drop zones). */
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

async function pickPipeline(pipelineId: string | null) {
  const pipelines = await prisma().pipeline.findMany({
    where: { isArchived: false },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, isDefault: true },
  });
  const pipeline = pipelineId ? pipelines.find((p) => p.id === pipelineId) : (pipelines.find((p) => p.isDefault) ?? pipelines[0]);
  if (!pipeline) throw notFound("Pipeline");
  return { pipeline, pipelines };
}

export async function loadBoard(actor: Actor, pipelineId: string | null, filters: BoardFilters): Promise<BoardData> {
  const { pipeline, pipelines } = await pickPipeline(pipelineId);
  const where = boardWhere(actor, filters);
  const [stages, base, owners, labels, lostReasons] = await Promise.all([
    prisma().stage.findMany({
      where: { pipelineId: pipeline.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true, type: true, color: true, probability: true, rottingDays: true },
    }),
    prisma().currency.findFirst({ where: { isBase: true }, select: { code: true } }),
    prisma().user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma().label.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { key: true, name: true, color: true } }),
    prisma().lostReason.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const [totals, pages] = await Promise.all([
    columnTotals(where, stages.map((s) => s.id)),
    Promise.all(stages.map((s) => (s.type === "OPEN" ? columnPage(actor, where, s.id, null) : { cards: [], nextCursor: null }))),
  ]);
  return {
    pipeline: { id: pipeline.id, name: pipeline.name },
    pipelines: pipelines.map((p) => ({ id: p.id, name: p.name })),
    stages: stages.map((s, k) => ({ ...s, totals: totals[s.id] ?? ZERO_TOTALS, cards: pages[k].cards, nextCursor: pages[k].nextCursor })),
    baseCurrency: base?.code ?? "USD",
    owners,
    labels,
    lostReasons,
  };
}

/** The stage's pipeline must exist; the page is filtered like the board. */
export async function loadColumnPage(actor: Actor, stageId: string, filters: BoardFilters, cursor: string | null) {
  const stage = await prisma().stage.findUnique({ where: { id: stageId }, select: { id: true } });
  if (!stage) throw notFound("Stage");
  return columnPage(actor, boardWhere(actor, filters), stageId, cursor);
}

/** Fresh totals for every stage of a pipeline (after a move, without reloading the cards). */
export async function loadBoardTotals(actor: Actor, pipelineId: string, filters: BoardFilters): Promise<Record<string, ColumnTotals>> {
  const stages = await prisma().stage.findMany({ where: { pipelineId }, select: { id: true } });
  if (stages.length === 0) throw notFound("Pipeline");
  return columnTotals(boardWhere(actor, filters), stages.map((s) => s.id));
}
