// What the settings pipeline editor reads (admins only): every pipeline with
// its stages and the opportunity counts the editor shows and asks about.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { assertAdmin } from "../auth/admin";
import type { StageDto } from "../stages/dto";
import { stageOrder } from "../stages/dto";
import { visibleOpportunities } from "../visibility";
import { pipelineOrder, type PipelineDto } from "./dto";

/** The API's stage with the editor's counts. */
export interface EditorStageDto extends Omit<StageDto, "createdAt" | "updatedAt"> {
  opportunityCount: number;
  /** Open opportunities that take their probability from the stage. */
  followerCount: number;
}

export interface EditorPipelineDto extends Omit<PipelineDto, "createdAt" | "updatedAt" | "stages"> {
  opportunityCount: number;
  stages: EditorStageDto[];
}

export async function listPipelineSettings(actor: Actor): Promise<EditorPipelineDto[]> {
  assertAdmin(actor);
  const visible = visibleOpportunities(actor);
  const [pipelines, counts, followers] = await Promise.all([
    prisma().pipeline.findMany({ orderBy: pipelineOrder, include: { stages: { orderBy: stageOrder } } }),
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
