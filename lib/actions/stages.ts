"use server";

// The stage editor's actions: the same services as /api/v1/stages.
import { serverAction } from "@/lib/server/action";
import { deleteStage } from "@/lib/server/stages/delete";
import { createStage, reorderStages, updateStage } from "@/lib/server/stages/write";
import { stageCreateSchema, stageDeleteActionSchema, stageReorderSchema, stageUpdateActionSchema } from "@/lib/validation/stages";

export const createStageAction = serverAction(stageCreateSchema, (actor, input) => createStage(actor, input));
export const updateStageAction = serverAction(stageUpdateActionSchema, (actor, { id, ...patch }) => updateStage(actor, id, patch));
export const reorderStagesAction = serverAction(stageReorderSchema, (actor, input) => reorderStages(actor, input));
export const deleteStageAction = serverAction(stageDeleteActionSchema, (actor, { id, ...options }) => deleteStage(actor, id, options));
