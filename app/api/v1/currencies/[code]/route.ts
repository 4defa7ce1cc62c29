import { deleteCurrency as deleteEndpoint, getCurrency as getEndpoint, updateCurrency as updateEndpoint } from "@/lib/api/endpoints/currencies";
import { ApiReply, expectedUpdatedAt, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { getCurrency } from "@/lib/server/currencies/read";
import { deleteCurrency, updateCurrency } from "@/lib/server/currencies/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const currency = await getCurrency(actor, params.code);
  return new ApiReply(currency, 200, { ETag: timestampETag(currency.updatedAt) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { updatedAt, ...patch } = body;
  const { currency } = await updateCurrency(actor, params.code, patch, expectedUpdatedAt(request, updatedAt));
  return new ApiReply(currency, 200, { ETag: timestampETag(currency.updatedAt) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, request }) => deleteCurrency(actor, params.code, expectedUpdatedAt(request)));
