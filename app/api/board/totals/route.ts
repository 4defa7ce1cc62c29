import { sessionRoute } from "@/lib/api/session-route";
import { loadBoardTotals } from "@/lib/server/board/board";
import { AppError } from "@/lib/server/errors";
import { parseBoardFilters } from "@/lib/validation/board";

/** Fresh SQL totals of every stage of a pipeline, after a move. */
export const GET = sessionRoute(async ({ actor, url: { searchParams } }) => {
  const pipelineId = searchParams.get("pipelineId");
  if (!pipelineId) throw new AppError("BAD_REQUEST", "pipelineId is required", { pipelineId: "Required" });
  return loadBoardTotals(actor, pipelineId, parseBoardFilters(searchParams));
});
