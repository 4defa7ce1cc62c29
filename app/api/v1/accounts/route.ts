import { createAccount as createEndpoint, listAccounts as listEndpoint } from "@/lib/api/endpoints/accounts";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, timestampETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listAccountsForApi } from "@/lib/server/accounts/api-list";
import { createAccount } from "@/lib/server/accounts/write";
import type { ACCOUNT_SORT_FIELDS } from "@/lib/validation/account";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const { limit: _limit, offset: _offset, cursor: _cursor, sort, ...filters } = query;
  const window = pageWindow(query);
  const field = sort.replace(/^-/, "") as (typeof ACCOUNT_SORT_FIELDS)[number];
  const { total, rows } = await listAccountsForApi(actor, filters, { field, dir: sort.startsWith("-") ? "desc" : "asc" }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const account = await createAccount(actor, body);
  return created(account, `/api/v1/accounts/${account.id}`, { ETag: timestampETag(account.updatedAt) });
});
