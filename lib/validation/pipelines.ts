// Inputs of pipelines, one schema per input for the settings screens, their
// actions, the REST API and its OpenAPI document. Strict objects: unknown
// fields are errors.
import { z } from "zod";
import { queryBoolean, updatedAtPrecondition } from "./api-common";
import { idSchema, nameSchema, positionField } from "./common-fields";

export const pipelineListQuery = {
  archived: queryBoolean.optional().describe("true: only archived pipelines, false: only active ones"),
  q: z.string().trim().min(1).max(200).optional().describe("Part of the name"),
};

export const pipelineCreateSchema = z.strictObject({ name: nameSchema });

/** PATCH: rename, move, make the default, archive or restore; fields not sent stay as they are. */
export const pipelineUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  position: positionField.optional(),
  isDefault: z.literal(true, { error: "Make another pipeline the default instead" }).optional(),
  isArchived: z.boolean({ error: "Must be true or false" }).optional(),
  updatedAt: updatedAtPrecondition,
});
export type PipelinePatch = Omit<z.output<typeof pipelineUpdateSchema>, "updatedAt">;

/** Where a deleted pipeline's opportunities go: stage of the deleted pipeline -> stage of the target. */
export const pipelineDeleteSchema = z.strictObject({
  targetPipelineId: idSchema.optional().describe("The pipeline that receives the opportunities; needed when there are any"),
  stageMap: z.record(z.string(), idSchema).optional(),
  lostReasonId: idSchema.optional().describe("For opportunities that become lost on the way"),
});
export type PipelineDeleteOptions = z.output<typeof pipelineDeleteSchema>;

/** "fromStageId:toStageId,..." -> { fromStageId: toStageId }. */
const stageMapQueryField = z
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

/** The same options in a DELETE's query string, where the stage map is text. */
export const pipelineDeleteQuery = pipelineDeleteSchema.extend({ stageMap: stageMapQueryField.optional() });

// The settings actions name the pipeline in their input; the API names it in the path.
export const pipelineUpdateActionSchema = pipelineUpdateSchema.omit({ updatedAt: true }).extend({ id: idSchema });
export const pipelineDeleteActionSchema = pipelineDeleteSchema.extend({ id: idSchema });
