"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/server/action";
import { createApiKey, revokeApiKey } from "@/lib/server/api-keys/manage";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";

export const createApiKeyAction = serverAction(createApiKeySchema, async (actor, input) => {
  const result = await createApiKey(actor, input);
  revalidatePath("/settings/api-keys");
  return result;
});

export const revokeApiKeyAction = serverAction(revokeApiKeySchema, async (actor, input) => {
  const result = await revokeApiKey(actor, input.id);
  revalidatePath("/settings/api-keys");
  return result;
});
