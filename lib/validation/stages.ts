// Inputs of stages, one schema per input for the stage dialog (form), the
// settings actions, the REST API and its OpenAPI document. Strict objects:
// unknown fields are errors. A screen that edits a stage sends the whole
// dialog; the API may send only what changes (PATCH).
import { z } from "zod";
import { updatedAtPrecondition } from "./api-common";
import { colorSchema, idSchema, nameSchema, positionField } from "./common-fields";

export const stageTypeSchema = z.enum(["OPEN", "WON", "LOST"]);
export const forecastCategorySchema = z.enum(["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"]);

const stageFields = {
  name: nameSchema,
  probability: z.number({ message: "Enter 0 to 100" }).int("Whole percent only").min(0, "At least 0").max(100, "At most 100"),
  type: stageTypeSchema,
  color: colorSchema,
  rottingDays: z.number().int("Whole days only").min(1, "At least 1 day").max(3650, "At most 3650 days").nullable(),
  forecastCategory: forecastCategorySchema,
};

/** The stage dialog's fields (all of them); placement and "apply to open deals" are read beside them. */
export const stageFormSchema = z.object(stageFields);
export type StageForm = z.infer<typeof stageFormSchema>;

export const stageCreateSchema = z
  .strictObject({
    pipelineId: idSchema,
    name: stageFields.name,
    type: stageFields.type.default("OPEN"),
    probability: stageFields.probability.optional().describe("0..100, required for open stages; won stages are always 100, lost ones 0"),
    color: stageFields.color.default("#64748b"),
    rottingDays: stageFields.rottingDays.default(null).describe("Days in the stage after which a card is flagged; null never"),
    forecastCategory: stageFields.forecastCategory.default("PIPELINE").describe("Open stages: PIPELINE, BEST_CASE or COMMIT"),
    afterStageId: idSchema.nullable().default(null).describe("Place it after this stage; by default after the last open stage"),
  })
  .superRefine((s, ctx) => {
    if (s.type === "OPEN" && s.probability === undefined) ctx.addIssue({ code: "custom", path: ["probability"], message: "Enter 0 to 100 for an open stage" });
  });
export type StageCreateInput = z.output<typeof stageCreateSchema>;

/** PATCH: fields not sent stay as they are. */
export const stageUpdateSchema = z.strictObject({
  name: stageFields.name.optional(),
  type: stageFields.type.optional(),
  probability: stageFields.probability.optional(),
  color: stageFields.color.optional(),
  rottingDays: stageFields.rottingDays.optional(),
  forecastCategory: stageFields.forecastCategory.optional(),
  position: positionField.optional(),
  applyToOpen: z.boolean().default(false).describe("Also give a new probability and forecast category to the open opportunities that follow the stage"),
  updatedAt: updatedAtPrecondition,
});
export type StagePatch = Omit<z.output<typeof stageUpdateSchema>, "updatedAt">;

export const stageDeleteSchema = z.strictObject({
  targetStageId: idSchema.optional().describe("The stage of the same pipeline that receives its opportunities; needed when there are any"),
  lostReasonId: idSchema.optional().describe("When the target stage is a lost one"),
});
export type StageDeleteOptions = z.output<typeof stageDeleteSchema>;

export const stageReorderSchema = z.strictObject({ pipelineId: idSchema, ids: z.array(idSchema).min(1).max(200) });

export const stageListQuery = {
  pipelineId: idSchema.optional(),
  type: stageTypeSchema.optional(),
};

// The settings actions name the stage in their input; the API names it in the path.
export const stageUpdateActionSchema = stageUpdateSchema.omit({ updatedAt: true }).extend({ id: idSchema });
export const stageDeleteActionSchema = stageDeleteSchema.extend({ id: idSchema });
