import { z } from "zod";
import { idParams } from "@/lib/validation/api-common";
import { stageCreateSchema, stageDeleteSchema, stageListQuery, stageUpdateSchema } from "@/lib/validation/stages";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { deletedSchema, timestamp } from "./wire";

export const stageSchema = z
  .object({
    id: z.string(),
    pipelineId: z.string(),
    name: z.string(),
    position: z.number().int().describe("0-based place in its pipeline (board order)"),
    probability: z.number().int().describe("The odds its opportunities take unless they override them"),
    type: z.enum(["OPEN", "WON", "LOST"]),
    color: z.string().describe("#rrggbb"),
    rottingDays: z.number().int().nullable().describe("Days after which a card in it is flagged; null never"),
    forecastCategory: z.enum(["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"]),
    createdAt: timestamp,
    updatedAt: timestamp.describe("Send it back (or If-Match with the ETag) to update safely"),
  })
  .meta({ id: "Stage" });

const adminOnly = "Admins only (403 for others). A pipeline always keeps at least one open, one won and one lost stage.";

export const listStages = endpoint({
  method: "get",
  path: "/stages",
  tag: "Stages",
  summary: "List stages",
  description: "Pipeline by pipeline, each in board order. Filters: pipelineId, type.",
  auth: "user",
  query: z.strictObject({ ...pagingQuery, ...stageListQuery }),
  response: listEnvelope(stageSchema),
});

export const getStage = endpoint({
  method: "get",
  path: "/stages/{id}",
  tag: "Stages",
  summary: "Get a stage",
  auth: "user",
  params: idParams,
  response: stageSchema,
  errors: [404],
});

export const createStage = endpoint({
  method: "post",
  path: "/stages",
  tag: "Stages",
  summary: "Create a stage",
  description: `Open stages go after the last open one unless afterStageId says where; won stages are 100%, lost ones 0%. ${adminOnly}`,
  auth: "user",
  body: stageCreateSchema,
  response: stageSchema,
  status: 201,
  errors: [403, 404],
  example: { pipelineId: "<pipeline id>", name: "Demo", type: "OPEN", probability: 40, color: "#6366f1", rottingDays: 14 },
});

export const updateStage = endpoint({
  method: "patch",
  path: "/stages/{id}",
  tag: "Stages",
  summary: "Update a stage",
  description: `Fields not sent stay as they are; position moves it inside its pipeline. applyToOpen also gives a new probability and category to its open opportunities that follow the stage. A stage that holds opportunities keeps its type (422). Send updatedAt or If-Match to refuse stale writes (409). ${adminOnly}`,
  auth: "user",
  params: idParams,
  body: stageUpdateSchema,
  response: stageSchema,
  errors: [403, 404, 409],
  example: { probability: 60, applyToOpen: true, updatedAt: "2026-11-23T08:00:00.000Z" },
});

export const deleteStage = endpoint({
  method: "delete",
  path: "/stages/{id}",
  tag: "Stages",
  summary: "Delete a stage",
  description: `One that holds opportunities needs targetStageId, another stage of its pipeline that takes them with their history (409 without). ${adminOnly}`,
  auth: "user",
  params: idParams,
  query: stageDeleteSchema,
  response: deletedSchema({ movedOpportunities: z.number().int() }),
  errors: [403, 404, 409],
});
