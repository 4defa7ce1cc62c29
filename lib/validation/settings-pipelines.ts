// Inputs of the pipeline and stage editor, shared by forms and server actions.
import { z } from "zod";
import { colorSchema, idSchema, nameSchema } from "./settings-common";

export const stageTypeSchema = z.enum(["OPEN", "WON", "LOST"]);
export const forecastCategorySchema = z.enum(["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"]);

export const pipelineCreateSchema = z.object({ name: nameSchema });
export const pipelineRenameSchema = z.object({ id: idSchema, name: nameSchema });
export const pipelineArchiveSchema = z.object({ id: idSchema, archived: z.boolean() });
export const pipelineIdSchema = z.object({ id: idSchema });
export const pipelineDeleteSchema = z.object({
  id: idSchema,
  targetPipelineId: idSchema.nullable().default(null),
  /** Stage of the deleted pipeline -> stage of the target pipeline. */
  stageMap: z.record(z.string(), idSchema).default({}),
  lostReasonId: idSchema.nullable().default(null),
});

const stageFields = {
  name: nameSchema,
  probability: z.number({ message: "Enter 0 to 100" }).int("Whole percent only").min(0, "At least 0").max(100, "At most 100"),
  type: stageTypeSchema,
  color: colorSchema,
  rottingDays: z.number().int("Whole days only").min(1, "At least 1 day").max(3650, "At most 3650 days").nullable(),
  forecastCategory: forecastCategorySchema,
};

/** The stage dialog's fields; the action adds the ids. */
export const stageFormSchema = z.object(stageFields);
export type StageForm = z.infer<typeof stageFormSchema>;

export const stageCreateSchema = z.object({ pipelineId: idSchema, afterStageId: idSchema.nullable().default(null), ...stageFields });
export const stageUpdateSchema = z.object({
  id: idSchema,
  ...stageFields,
  /** Also give the new probability/category to open opportunities that follow the stage. */
  applyToOpen: z.boolean().default(false),
});
export const stageReorderSchema = z.object({ pipelineId: idSchema, ids: z.array(idSchema).min(1).max(200) });
export const stageDeleteSchema = z.object({
  id: idSchema,
  targetStageId: idSchema.nullable().default(null),
  lostReasonId: idSchema.nullable().default(null),
});

export type StageFormValues = z.input<typeof stageCreateSchema>;
export type PipelineDeleteInput = z.input<typeof pipelineDeleteSchema>;
