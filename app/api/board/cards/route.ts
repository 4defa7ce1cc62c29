import { sessionRoute } from "@/lib/api/session-route";
import { loadBoardCards } from "@/lib/server/board/board";
import { boardCardsSchema, parseBoardFilters } from "@/lib/validation/board";

/** Live update of the board: the named cards as the user sees them (filtered like /board) and fresh totals. */
export const GET = sessionRoute(async ({ actor, url: { searchParams } }) => {
  const { pipelineId, ids } = boardCardsSchema.parse({ pipelineId: searchParams.get("pipelineId") ?? undefined, ids: searchParams.get("ids") ?? undefined });
  return loadBoardCards(actor, pipelineId, parseBoardFilters(searchParams), ids);
});
