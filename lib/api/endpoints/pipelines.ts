import { z } from "zod";
import { idParams } from "@/lib/validation/api-common";
import { pipelineCreateSchema, pipelineDeleteQuery, pipelineListQuery, pipelineUpdateSchema } from "@/lib/validation/pipelines";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { stageSchema } from "./stages";
import { deletedSchema, timestamp } from "./wire";

export const pipelineSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.number().int().describe("0-based place among the pipelines"),
    isDefault: z.boolean().describe("The pipeline the board opens with; exactly one"),
    isArchived: z.boolean().describe("Hidden from the board; its opportunities stay"),
    createdAt: timestamp,
    updatedAt: timestamp.describe("Send it back (or If-Match with the ETag) to update safely"),
    stages: z.array(stageSchema).describe("In board order"),
  })
  .meta({ id: "Pipeline" });

const adminOnly = "Admins only (403 for others), like Settings → Pipelines.";

export const listPipelines = endpoint({
  method: "get",
  path: "/pipelines",
  tag: "Pipelines",
  summary: "List pipelines with their stages",
  description: "In the admins' order, each with its stages in board order. Filters: archived, q (part of the name).",
  auth: "user",
  query: z.strictObject({ ...pagingQuery, ...pipelineListQuery }),
  response: listEnvelope(pipelineSchema),
});

export const getPipeline = endpoint({
  method: "get",
  path: "/pipelines/{id}",
  tag: "Pipelines",
  summary: "Get a pipeline with its stages",
  auth: "user",
  params: idParams,
  response: pipelineSchema,
  errors: [404],
});

export const createPipeline = endpoint({
  method: "post",
  path: "/pipelines",
  tag: "Pipelines",
  summary: "Create a pipeline",
  description: `Starts with the stages New, In progress, Won and Lost. ${adminOnly}`,
  auth: "user",
  body: pipelineCreateSchema,
  response: pipelineSchema,
  status: 201,
  errors: [403],
  example: { name: "Renewals" },
});

export const updatePipeline = endpoint({
  method: "patch",
  path: "/pipelines/{id}",
  tag: "Pipelines",
  summary: "Update a pipeline",
  description: `Rename, move (position), make the default, archive or restore; all in one change or none. Send updatedAt or If-Match to refuse stale writes (409). The default pipeline cannot be archived (409). ${adminOnly}`,
  auth: "user",
  params: idParams,
  body: pipelineUpdateSchema,
  response: pipelineSchema,
  errors: [403, 404, 409],
  example: { name: "Enterprise sales", position: 0, updatedAt: "2026-11-23T08:00:00.000Z" },
});

export const deletePipeline = endpoint({
  method: "delete",
  path: "/pipelines/{id}",
  tag: "Pipelines",
  summary: "Delete a pipeline",
  description: `One that holds opportunities needs targetPipelineId and a stageMap saying which stage of the target takes each stage's opportunities (409 without); they move with their history. The default pipeline cannot be deleted (409). ${adminOnly}`,
  auth: "user",
  params: idParams,
  query: pipelineDeleteQuery,
  response: deletedSchema({ movedOpportunities: z.number().int() }),
  errors: [403, 404, 409],
});
