import { sessionRoute } from "@/lib/api/session-route";
import { loadColumnPage } from "@/lib/server/board/board";
import { columnPageSchema, parseBoardFilters } from "@/lib/validation/board";

/** The next page of a column's cards after `cursor`, filtered like /board. */
export const GET = sessionRoute<{ stageId: string }>(async ({ actor, url: { searchParams }, params }) => {
  const { cursor } = columnPageSchema.parse({ cursor: searchParams.get("cursor") });
  return loadColumnPage(actor, params.stageId, parseBoardFilters(searchParams), cursor);
});
