import { createCurrency as createEndpoint, listCurrencies as listEndpoint } from "@/lib/api/endpoints/currencies";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listCurrencies } from "@/lib/server/currencies/read";
import { createCurrency } from "@/lib/server/currencies/write";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const window = pageWindow(query);
  const { total, rows } = await listCurrencies(actor, { active: query.active }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const currency = await createCurrency(actor, body);
  return created(currency, `/api/v1/currencies/${currency.code}`, { ETag: timestampETag(currency.updatedAt) });
});
