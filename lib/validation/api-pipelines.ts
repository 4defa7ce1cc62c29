// API inputs for pipelines and their stages: the settings editor's field rules
// (settings-pipelines.ts) with the API's shape: strict objects, PATCH fields
// optional, defaults for what the editor always fills in.
import { z } from "zod";
import { queryBoolean, updatedAtPrecondition } from "./api-common";
import { idSchema, nameSchema } from "./settings-common";
import { stageFormSchema, stageTypeSchema } from "./settings-pipelines";

const stage = stageFormSchema.shape;

export const positionField = z
  .number({ error: "Enter a whole number" })
  .int("Enter a whole number")
  .min(0, "Cannot be negative")
  .max(10_000, "At most 10000")
  .describe("0-based place in the list; the others shift to make room");

export const pipelineListQuery = {
  archived: queryBoolean.optional().describe("true: only archived pipelines, false: only active ones"),
  q: z.string().trim().min(1).max(200).optional().describe("Part of the name"),
};

export const pipelineApiCreateSchema = z.strictObject({ name: nameSchema });

export const pipelineApiUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  position: positionField.optional(),
  isDefault: z.literal(true, { error: "Make another pipeline the default instead" }).optional(),
  isArchived: z.boolean({ error: "Must be true or false" }).optional(),
  updatedAt: updatedAtPrecondition,
});

/** "fromStageId:toStageId,..." -> { fromStageId: toStageId }. */
const stageMapField = z
  .string()
  .max(5000)
  .transform((value, ctx) => {
    const map: Record<string, string> = {};
    for (const pair of value.split(",").filter(Boolean)) {
      const [from, to, extra] = pair.split(":");
      if (!from || !to || extra !== undefined || !idSchema.safeParse(from).success || !idSchema.safeParse(to).success) {
        ctx.addIssue({ code: "custom", message: "Use fromStageId:toStageId pairs separated by commas" });
        return z.NEVER;
      }
      map[from] = to;
    }
    return map;
  })
  .describe("Where the opportunities of each stage go: fromStageId:toStageId pairs separated by commas");

export const pipelineApiDeleteQuery = z.strictObject({
  targetPipelineId: idSchema.optional().describe("The pipeline that receives the opportunities; needed when there are any"),
  stageMap: stageMapField.optional(),
  lostReasonId: idSchema.optional().describe("For opportunities that become lost on the way"),
});

export const stageListQuery = {
  pipelineId: idSchema.optional(),
  type: stageTypeSchema.optional(),
};

export const stageApiCreateSchema = z
  .strictObject({
    pipelineId: idSchema,
    name: stage.name,
    type: stage.type.default("OPEN"),
    probability: stage.probability.optional().describe("0..100, required for open stages; won stages are always 100, lost ones 0"),
    color: stage.color.default("#64748b"),
    rottingDays: stage.rottingDays.default(null).describe("Days in the stage after which a card is flagged; null never"),
    forecastCategory: stage.forecastCategory.default("PIPELINE").describe("Open stages: PIPELINE, BEST_CASE or COMMIT"),
    afterStageId: idSchema.nullable().default(null).describe("Place it after this stage; by default after the last open stage"),
  })
  .superRefine((s, ctx) => {
    if (s.type === "OPEN" && s.probability === undefined) ctx.addIssue({ code: "custom", path: ["probability"], message: "Enter 0 to 100 for an open stage" });
  });

export const stageApiUpdateSchema = z.strictObject({
  name: stage.name.optional(),
  type: stage.type.optional(),
  probability: stage.probability.optional(),
  color: stage.color.optional(),
  rottingDays: stage.rottingDays.optional(),
  forecastCategory: stage.forecastCategory.optional(),
  position: positionField.optional(),
  applyToOpen: z.boolean().default(false).describe("Also give a new probability and forecast category to the open opportunities that follow the stage"),
  updatedAt: updatedAtPrecondition,
});

export const stageApiDeleteQuery = z.strictObject({
  targetStageId: idSchema.optional().describe("The stage of the same pipeline that receives its opportunities; needed when there are any"),
  lostReasonId: idSchema.optional().describe("When the target stage is a lost one"),
});
