import { z } from "zod";
import { idParams, queryBoolean } from "@/lib/validation/api-common";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().email(),
    role: z.enum(["ADMIN", "MANAGER", "SALES"]),
    active: z.boolean(),
  })
  .meta({ id: "User" });

export const listUsers = endpoint({
  method: "get",
  path: "/users",
  tag: "Users",
  summary: "List users",
  description: "Everyone in the CRM (read only), sorted by name. Filters: role, active, q (name or email).",
  auth: "user",
  query: z.strictObject({
    ...pagingQuery,
    role: z.enum(["ADMIN", "MANAGER", "SALES"]).optional(),
    active: queryBoolean.optional(),
    q: z.string().max(200).optional(),
  }),
  response: listEnvelope(userSchema),
});

export const getUser = endpoint({
  method: "get",
  path: "/users/{id}",
  tag: "Users",
  summary: "Get a user",
  auth: "user",
  params: idParams,
  response: userSchema,
  errors: [404],
});
