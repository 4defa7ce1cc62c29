import { loadBoardTotals } from "@/lib/server/board/board";
import { AppError } from "@/lib/server/errors";
import { parseBoardFilters } from "@/lib/validation/board";
import { respond } from "../_lib/respond";

/** Fresh SQL totals of every stage of a pipeline, after a move. */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return respond(request, (actor) => {
    const pipelineId = params.get("pipelineId");
    if (!pipelineId) throw new AppError("BAD_REQUEST", "pipelineId is required", { pipelineId: "Required" });
    return loadBoardTotals(actor, pipelineId, parseBoardFilters(params));
  });
}
