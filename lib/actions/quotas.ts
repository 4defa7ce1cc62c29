"use server";

import { serverAction } from "@/lib/server/action";
import { deleteQuota, upsertQuota } from "@/lib/server/quotas/manage";
import { quotaDeleteSchema, quotaUpsertSchema } from "@/lib/validation/quotas";

export const upsertQuotaAction = serverAction(quotaUpsertSchema, (actor, input) => upsertQuota(actor, input));
export const deleteQuotaAction = serverAction(quotaDeleteSchema, (actor, input) => deleteQuota(actor, input));
