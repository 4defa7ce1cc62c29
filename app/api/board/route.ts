import { sessionRoute } from "@/lib/api/session-route";
import { loadBoard } from "@/lib/server/board/board";
import { parseBoardFilters, parseLoadedCounts } from "@/lib/validation/board";

/**
 * The whole board for a pipeline (default pipeline without `pipelineId`),
 * filtered like /board; `loaded` reloads as many cards as the client shows.
 */
export const GET = sessionRoute(({ actor, url: { searchParams } }) =>
  loadBoard(actor, searchParams.get("pipelineId") || null, parseBoardFilters(searchParams), parseLoadedCounts(searchParams.get("loaded"))),
);
