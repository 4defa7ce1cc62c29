import { listUsers as endpoint } from "@/lib/api/endpoints/users";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { listUsers } from "@/lib/server/users/directory";

export const GET = apiRoute(endpoint, async ({ actor, query }) => {
  const window = pageWindow(query);
  const { total, rows } = await listUsers(actor, { role: query.role, active: query.active, q: query.q }, window);
  return pageOf(rows, total, window);
});
