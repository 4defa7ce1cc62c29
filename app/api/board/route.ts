import { loadBoard } from "@/lib/server/board/board";
import { parseBoardFilters, parseLoadedCounts } from "@/lib/validation/board";
import { respond } from "./_lib/respond";

/**
 * The whole board for a pipeline (default pipeline without `pipelineId`),
 * filtered like /board; `loaded` reloads as many cards as the client shows.
 */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return respond(request, (actor) => loadBoard(actor, params.get("pipelineId") || null, parseBoardFilters(params), parseLoadedCounts(params.get("loaded"))));
}
