// Pipelines and stages as the outside world sees them (the API): the board's
// columns in order, without per-user figures such as opportunity counts.
import type { Prisma } from "@/lib/db/generated/client";
import type { ForecastCategory, StageType } from "@/lib/domain/stage-rules";
import { isoTimestamp } from "../serialize";

export interface StageDto {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  probability: number;
  type: StageType;
  color: string;
  rottingDays: number | null;
  forecastCategory: ForecastCategory;
  createdAt: string;
  updatedAt: string;
}

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

/** Stages in board order; the id breaks ties while a reorder is half written. */
export const stageOrder = [{ position: "asc" }, { id: "asc" }] satisfies Prisma.StageOrderByWithRelationInput[];
export const pipelineInclude = { stages: { orderBy: stageOrder } } satisfies Prisma.PipelineInclude;

type StageRow = Prisma.StageGetPayload<object>;
type PipelineRow = Prisma.PipelineGetPayload<{ include: typeof pipelineInclude }>;

export function toStageDto(s: StageRow): StageDto {
  return {
    id: s.id, pipelineId: s.pipelineId, name: s.name, position: s.position, probability: s.probability, type: s.type,
    color: s.color, rottingDays: s.rottingDays, forecastCategory: s.forecastCategory,
    createdAt: isoTimestamp(s.createdAt)!, updatedAt: isoTimestamp(s.updatedAt)!,
  };
}

export function toPipelineDto(p: PipelineRow): PipelineDto {
  return {
    id: p.id, name: p.name, position: p.position, isDefault: p.isDefault, isArchived: p.isArchived,
    createdAt: isoTimestamp(p.createdAt)!, updatedAt: isoTimestamp(p.updatedAt)!, stages: p.stages.map(toStageDto),
  };
}
