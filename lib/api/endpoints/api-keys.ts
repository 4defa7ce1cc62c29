import { z } from "zod";
import { createApiKeySchema } from "@/lib/validation/api-keys";
import { idParams } from "@/lib/validation/api-common";
import { endpoint } from "../endpoint";

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The first characters of the key, to recognise it"),
    createdAt: z.string().describe("ISO 8601 timestamp"),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  })
  .meta({ id: "ApiKey" });

export const listApiKeys = endpoint({
  method: "get",
  path: "/api-keys",
  tag: "API keys",
  summary: "List API keys",
  description: "Your own keys; admins may pass scope=all to see everyone's.",
  auth: "user",
  query: z.strictObject({ scope: z.enum(["mine", "all"]).default("mine") }),
  response: z.object({ data: z.array(apiKeySchema) }),
  errors: [403],
});

export const createApiKey = endpoint({
  method: "post",
  path: "/api-keys",
  tag: "API keys",
  summary: "Create an API key for yourself",
  description: "The secret is in the response once and never again; only a hash is stored.",
  auth: "user",
  body: createApiKeySchema,
  response: z.object({ key: apiKeySchema, secret: z.string() }),
  status: 201,
  example: { name: "ERP sync" },
});

export const revokeApiKey = endpoint({
  method: "delete",
  path: "/api-keys/{id}",
  tag: "API keys",
  summary: "Revoke an API key",
  description: "Your own, or anyone's for admins. Revoked keys stop working at once.",
  auth: "user",
  params: idParams,
  response: apiKeySchema,
  errors: [404],
});
