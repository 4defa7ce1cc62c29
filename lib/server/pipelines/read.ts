// Pipelines and stages for every signed-in user: they are the board's columns,
// which everyone sees. Only admins change them (lib/server/settings/*).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { StageType } from "@/lib/domain/stage-rules";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { pipelineInclude, stageOrder, toPipelineDto, toStageDto, type PipelineDto, type StageDto } from "./dto";

type Db = Pick<Prisma.TransactionClient, "pipeline" | "stage">;
type Window = { skip: number; take: number };

export interface PipelineFilter {
  archived?: boolean;
  q?: string;
}

export async function listPipelines(_actor: Actor, filter: PipelineFilter, window: Window): Promise<{ total: number; rows: PipelineDto[] }> {
  const where: Prisma.PipelineWhereInput = {};
  if (filter.archived !== undefined) where.isArchived = filter.archived;
  if (filter.q) where.name = { contains: filter.q, mode: "insensitive" };
  const [total, rows] = await Promise.all([
    prisma().pipeline.count({ where }),
    prisma().pipeline.findMany({ where, include: pipelineInclude, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], ...window }),
  ]);
  return { total, rows: rows.map(toPipelineDto) };
}

export async function getPipeline(_actor: Actor, id: string, db: Db = prisma()): Promise<PipelineDto> {
  const pipeline = await db.pipeline.findUnique({ where: { id }, include: pipelineInclude });
  if (!pipeline) throw notFound("Pipeline");
  return toPipelineDto(pipeline);
}

export interface StageFilter {
  pipelineId?: string;
  type?: StageType;
}

/** Every pipeline's stages, pipeline by pipeline in their order, each in board order. */
export async function listStages(_actor: Actor, filter: StageFilter, window: Window): Promise<{ total: number; rows: StageDto[] }> {
  const where: Prisma.StageWhereInput = {};
  if (filter.pipelineId) where.pipelineId = filter.pipelineId;
  if (filter.type) where.type = filter.type;
  const [total, rows] = await Promise.all([
    prisma().stage.count({ where }),
    prisma().stage.findMany({ where, orderBy: [{ pipeline: { position: "asc" } }, { pipelineId: "asc" }, ...stageOrder], ...window }),
  ]);
  return { total, rows: rows.map(toStageDto) };
}

export async function getStage(_actor: Actor, id: string, db: Db = prisma()): Promise<StageDto> {
  const stage = await db.stage.findUnique({ where: { id } });
  if (!stage) throw notFound("Stage");
  return toStageDto(stage);
}
