// The stage a create, an edit or a move sends a deal to, read in the same
// statement as the rest of what the write needs: the columns from Stage `s`
// and, back in TypeScript, the stage object (null when there is no such stage).
import { Prisma } from "@/lib/db/generated/client";
import type { ForecastCategory, StageType } from "@/lib/domain/stage-rules";
import type { TargetStage } from "./stage-change";

export interface TargetStageColumns {
  targetId: string | null;
  targetPipelineId: string;
  targetType: StageType;
  targetProbability: number;
  targetForecastCategory: ForecastCategory;
  targetPipelineArchived: boolean;
}

/** The select list; `pipelineArchived` is whether the stage's pipeline is archived, as each caller reads it. */
export const targetStageColumnsSql = (pipelineArchived: Prisma.Sql) => Prisma.sql`
  s."id" AS "targetId", s."pipelineId" AS "targetPipelineId", s."type"::text AS "targetType", s."probability" AS "targetProbability",
  s."forecastCategory"::text AS "targetForecastCategory", ${pipelineArchived} AS "targetPipelineArchived"`;

/** Splits a row into the target stage and the rest of its columns. */
export function splitTargetStage<R extends TargetStageColumns>(row: R): { stage: (TargetStage & { pipelineArchived: boolean }) | null; rest: Omit<R, keyof TargetStageColumns> } {
  const { targetId, targetPipelineId, targetType, targetProbability, targetForecastCategory, targetPipelineArchived, ...rest } = row;
  const stage = targetId
    ? { id: targetId, pipelineId: targetPipelineId, type: targetType, probability: targetProbability, forecastCategory: targetForecastCategory, pipelineArchived: targetPipelineArchived }
    : null;
  return { stage, rest };
}
