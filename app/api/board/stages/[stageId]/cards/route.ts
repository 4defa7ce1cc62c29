import { loadColumnPage } from "@/lib/server/board/board";
import { columnPageSchema, parseBoardFilters } from "@/lib/validation/board";
import { respond } from "../../../_lib/respond";

/** The next page of a column's cards after `cursor`, filtered like /board. */
export async function GET(request: Request, { params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const search = new URL(request.url).searchParams;
  const { cursor } = columnPageSchema.parse({ cursor: search.get("cursor") });
  return respond(request, (actor) => loadColumnPage(actor, stageId, parseBoardFilters(search), cursor));
}
