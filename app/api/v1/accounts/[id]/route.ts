import { deleteAccount as deleteEndpoint, getAccount as getEndpoint, updateAccount as updateEndpoint } from "@/lib/api/endpoints/accounts";
import { ApiReply, expectedUpdatedAt, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { getAccount } from "@/lib/server/accounts/detail";
import { deleteAccount, updateAccount } from "@/lib/server/accounts/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const account = await getAccount(actor, params.id);
  return new ApiReply(account, 200, { ETag: timestampETag(account.updatedAt) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { updatedAt, ...changes } = body;
  const account = await updateAccount(actor, params.id, changes, expectedUpdatedAt(request, updatedAt));
  return new ApiReply(account, 200, { ETag: timestampETag(account.updatedAt) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, query, request }) => {
  const { moved } = await deleteAccount(actor, { id: params.id, ...query }, expectedUpdatedAt(request));
  return { id: params.id, deleted: true as const, movedOpportunities: moved };
});
