// Pipelines for every signed-in user: the board's columns, which everyone sees.
// Only admins change them (write.ts).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { pipelineInclude, pipelineOrder, toPipelineDto, type PipelineDto } from "./dto";

type Db = Pick<Prisma.TransactionClient, "pipeline">;

export interface PipelineFilter {
  archived?: boolean;
  q?: string;
}

export async function listPipelines(_actor: Actor, filter: PipelineFilter, window: { skip: number; take: number }): Promise<{ total: number; rows: PipelineDto[] }> {
  const where: Prisma.PipelineWhereInput = {};
  if (filter.archived !== undefined) where.isArchived = filter.archived;
  if (filter.q) where.name = { contains: filter.q, mode: "insensitive" };
  const [total, rows] = await Promise.all([
    prisma().pipeline.count({ where }),
    prisma().pipeline.findMany({ where, include: pipelineInclude, orderBy: [...pipelineOrder, { id: "asc" }], ...window }),
  ]);
  return { total, rows: rows.map(toPipelineDto) };
}

export async function getPipeline(_actor: Actor, id: string, db: Db = prisma()): Promise<PipelineDto> {
  const pipeline = await db.pipeline.findUnique({ where: { id }, include: pipelineInclude });
  if (!pipeline) throw notFound("Pipeline");
  return toPipelineDto(pipeline);
}
