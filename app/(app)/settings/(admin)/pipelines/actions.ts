"use server";

import { serverAction } from "@/lib/server/action";
import { archivePipeline, createPipeline, deletePipeline, renamePipeline, reorderPipelines, setDefaultPipeline } from "@/lib/server/settings/pipelines";
import { createStage, deleteStage, reorderStages, updateStage } from "@/lib/server/settings/stages";
import { reorderSchema } from "@/lib/validation/settings-common";
import {
  pipelineArchiveSchema, pipelineCreateSchema, pipelineDeleteSchema, pipelineIdSchema, pipelineRenameSchema,
  stageCreateSchema, stageDeleteSchema, stageReorderSchema, stageUpdateSchema,
} from "@/lib/validation/settings-pipelines";

export const createPipelineAction = serverAction(pipelineCreateSchema, createPipeline);
export const renamePipelineAction = serverAction(pipelineRenameSchema, renamePipeline);
export const reorderPipelinesAction = serverAction(reorderSchema, reorderPipelines);
export const setDefaultPipelineAction = serverAction(pipelineIdSchema, setDefaultPipeline);
export const archivePipelineAction = serverAction(pipelineArchiveSchema, archivePipeline);
export const deletePipelineAction = serverAction(pipelineDeleteSchema, deletePipeline);
export const createStageAction = serverAction(stageCreateSchema, createStage);
export const updateStageAction = serverAction(stageUpdateSchema, updateStage);
export const reorderStagesAction = serverAction(stageReorderSchema, reorderStages);
export const deleteStageAction = serverAction(stageDeleteSchema, deleteStage);
