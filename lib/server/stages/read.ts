// Stages for every signed-in user: the board's columns, which everyone sees.
// Only admins change them (write.ts).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { StageType } from "@/lib/domain/stage-rules";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { stageOrder, toStageDto, type StageDto } from "./dto";

type Db = Pick<Prisma.TransactionClient, "stage">;

export interface StageFilter {
  pipelineId?: string;
  type?: StageType;
}

/** Every pipeline's stages, pipeline by pipeline in their order, each in board order. */
export async function listStages(_actor: Actor, filter: StageFilter, window: { skip: number; take: number }): Promise<{ total: number; rows: StageDto[] }> {
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
