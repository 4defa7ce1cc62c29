// What the settings pages and the board read about pipelines and stages.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import type { PipelineDto as PublicPipelineDto, StageDto as PublicStageDto } from "../pipelines/dto";
import { visibleOpportunities } from "../visibility";
import { assertAdmin } from "./admin";

/** The API's stage (lib/server/pipelines/dto.ts) with the editor's counts. */
export interface StageDto extends Omit<PublicStageDto, "createdAt" | "updatedAt"> {
  opportunityCount: number;
  /** Open opportunities that take their probability from the stage. */
  followerCount: number;
}

export interface PipelineDto extends Omit<PublicPipelineDto, "createdAt" | "updatedAt" | "stages"> {
  opportunityCount: number;
  stages: StageDto[];
}

export async function listPipelineSettings(actor: Actor): Promise<PipelineDto[]> {
  assertAdmin(actor);
  const visible = visibleOpportunities(actor);
  const [pipelines, counts, followers] = await Promise.all([
    prisma().pipeline.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], include: { stages: { orderBy: { position: "asc" } } } }),
    prisma().opportunity.groupBy({ by: ["stageId"], where: visible, _count: { _all: true } }),
    prisma().opportunity.groupBy({ by: ["stageId"], where: { AND: [visible, { status: "OPEN", probabilityOverridden: false }] }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.stageId, c._count._all]));
  const followersOf = new Map(followers.map((c) => [c.stageId, c._count._all]));
  return pipelines.map((p) => {
    const stages = p.stages.map((s) => ({
      id: s.id, pipelineId: s.pipelineId, name: s.name, position: s.position, probability: s.probability, type: s.type,
      color: s.color, rottingDays: s.rottingDays, forecastCategory: s.forecastCategory,
      opportunityCount: countOf.get(s.id) ?? 0, followerCount: followersOf.get(s.id) ?? 0,
    }));
    return {
      id: p.id, name: p.name, position: p.position, isDefault: p.isDefault, isArchived: p.isArchived,
      opportunityCount: stages.reduce((n, s) => n + s.opportunityCount, 0), stages,
    };
  });
}
