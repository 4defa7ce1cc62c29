"use server";
// Server actions of the API keys page (every user manages their own keys).
import { serverAction } from "@/lib/server/action";
import { createApiKey, revokeApiKey } from "@/lib/server/api-keys/manage";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";

export const createApiKeyAction = serverAction(createApiKeySchema, (actor, input) => createApiKey(actor, input));
export const revokeApiKeyAction = serverAction(revokeApiKeySchema, (actor, input) => revokeApiKey(actor, input.id));
