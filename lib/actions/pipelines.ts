"use server";

// The settings screens' pipeline actions: the same services as /api/v1/pipelines.
import { serverAction } from "@/lib/server/action";
import { deletePipeline } from "@/lib/server/pipelines/delete";
import { createPipeline, reorderPipelines, updatePipeline } from "@/lib/server/pipelines/write";
import { reorderSchema } from "@/lib/validation/common-fields";
import { pipelineCreateSchema, pipelineDeleteActionSchema, pipelineUpdateActionSchema } from "@/lib/validation/pipelines";

export const createPipelineAction = serverAction(pipelineCreateSchema, (actor, input) => createPipeline(actor, input));
export const updatePipelineAction = serverAction(pipelineUpdateActionSchema, (actor, { id, ...patch }) => updatePipeline(actor, id, patch));
export const reorderPipelinesAction = serverAction(reorderSchema, (actor, input) => reorderPipelines(actor, input));
export const deletePipelineAction = serverAction(pipelineDeleteActionSchema, (actor, { id, ...options }) => deletePipeline(actor, id, options));
