// A stage as the outside world sees it (the API, the board's columns), without
// per-user figures such as opportunity counts.
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

/** Stages in board order; the id breaks ties while a reorder is half written. */
export const stageOrder = [{ position: "asc" }, { id: "asc" }] satisfies Prisma.StageOrderByWithRelationInput[];

export function toStageDto(s: Prisma.StageGetPayload<object>): StageDto {
  return {
    id: s.id, pipelineId: s.pipelineId, name: s.name, position: s.position, probability: s.probability, type: s.type,
    color: s.color, rottingDays: s.rottingDays, forecastCategory: s.forecastCategory,
    createdAt: isoTimestamp(s.createdAt)!, updatedAt: isoTimestamp(s.updatedAt)!,
  };
}
