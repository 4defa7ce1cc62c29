// A pipeline as the outside world sees it (the API): its stages in board order,
// without per-user figures such as opportunity counts.
import type { Prisma } from "@/lib/db/generated/client";
import { isoTimestamp } from "../serialize";
import { stageOrder, toStageDto, type StageDto } from "../stages/dto";

export interface PipelineDto {
  id: string;
  name: string;
  position: number;
  isDefault: boolean;
  isArchived: boolean;
  createdAt: string;
  updatedAt: string;
  /** In board order. */
  stages: StageDto[];
}

export const pipelineInclude = { stages: { orderBy: stageOrder } } satisfies Prisma.PipelineInclude;
/** Pipelines in the admins' order; the creation time breaks ties. */
export const pipelineOrder = [{ position: "asc" }, { createdAt: "asc" }] satisfies Prisma.PipelineOrderByWithRelationInput[];

type PipelineRow = Prisma.PipelineGetPayload<{ include: typeof pipelineInclude }>;

export function toPipelineDto(p: PipelineRow): PipelineDto {
  return {
    id: p.id, name: p.name, position: p.position, isDefault: p.isDefault, isArchived: p.isArchived,
    createdAt: isoTimestamp(p.createdAt)!, updatedAt: isoTimestamp(p.updatedAt)!, stages: p.stages.map(toStageDto),
  };
}
