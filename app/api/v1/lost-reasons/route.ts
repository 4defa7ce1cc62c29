import { createLostReason as createEndpoint, listLostReasons as listEndpoint } from "@/lib/api/endpoints/lost-reasons";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listLostReasons } from "@/lib/server/lists/read";
import { createListItem } from "@/lib/server/lists/write";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const window = pageWindow(query);
  const { total, rows } = await listLostReasons(actor, { active: query.active, q: query.q }, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const reason = await createListItem(actor, "lostReason", body);
  return created(reason, `/api/v1/lost-reasons/${reason.id}`);
});
