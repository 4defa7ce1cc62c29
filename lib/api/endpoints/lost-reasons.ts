import { z } from "zod";
import { idParams } from "@/lib/validation/api-common";
import { activeFilter } from "@/lib/validation/common-fields";
import { lostReasonCreateSchema, lostReasonUpdateSchema } from "@/lib/validation/lists";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { deletedSchema, timestamp } from "./wire";

export const lostReasonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.number().int().describe("0-based place in the list"),
    active: z.boolean().describe("Deactivated reasons stay on the opportunities that have them but are not offered any more"),
    createdAt: timestamp,
  })
  .meta({ id: "LostReason" });

const adminOnly = "Admins only (403 for others), like Settings → Lists.";

export const listLostReasons = endpoint({
  method: "get",
  path: "/lost-reasons",
  tag: "Lost reasons",
  summary: "List lost reasons",
  description: "In the admins' order. Filters: active, q (part of the name).",
  auth: "user",
  query: z.strictObject({ ...pagingQuery, active: activeFilter, q: z.string().trim().min(1).max(200).optional() }),
  response: listEnvelope(lostReasonSchema),
});

export const getLostReason = endpoint({
  method: "get",
  path: "/lost-reasons/{id}",
  tag: "Lost reasons",
  summary: "Get a lost reason",
  auth: "user",
  params: idParams,
  response: lostReasonSchema,
  errors: [404],
});

export const createLostReason = endpoint({
  method: "post",
  path: "/lost-reasons",
  tag: "Lost reasons",
  summary: "Create a lost reason",
  description: `Added at the end of the list; names are unique (409). ${adminOnly}`,
  auth: "user",
  body: lostReasonCreateSchema,
  response: lostReasonSchema,
  status: 201,
  errors: [403, 409],
  example: { name: "No budget this year" },
});

export const updateLostReason = endpoint({
  method: "patch",
  path: "/lost-reasons/{id}",
  tag: "Lost reasons",
  summary: "Update a lost reason",
  description: `Rename, move (position), deactivate or reactivate. Lost reasons carry no version: the last write wins. ${adminOnly}`,
  auth: "user",
  params: idParams,
  body: lostReasonUpdateSchema,
  response: lostReasonSchema,
  errors: [403, 404, 409],
  ifMatch: false,
  example: { active: false },
});

export const deleteLostReason = endpoint({
  method: "delete",
  path: "/lost-reasons/{id}",
  tag: "Lost reasons",
  summary: "Delete a lost reason",
  description: `Only one that no opportunity was lost for; one in use answers 409: deactivate it instead, so that those opportunities keep it. ${adminOnly}`,
  auth: "user",
  params: idParams,
  response: deletedSchema({}),
  errors: [403, 404, 409],
  ifMatch: false,
});
