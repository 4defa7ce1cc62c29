import { listImportErrors } from "@/lib/api/endpoints/imports";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { importErrors } from "@/lib/server/imports/read";

export const GET = apiRoute(listImportErrors, async ({ actor, params, query }) => {
  const window = pageWindow(query);
  const { data, total } = await importErrors(actor, params.id, { limit: window.take, offset: window.skip });
  return pageOf(data, total, window);
});
