"use server";

import { serverAction } from "@/lib/server/action";
import { deleteQuota, upsertQuota } from "@/lib/server/settings/quotas";
import { quotaDeleteSchema, quotaUpsertSchema } from "@/lib/validation/settings-quotas";

export const upsertQuotaAction = serverAction(quotaUpsertSchema, upsertQuota);
export const deleteQuotaAction = serverAction(quotaDeleteSchema, deleteQuota);
