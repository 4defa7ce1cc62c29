// Shared by /board and /board/[pipelineId]: loads the board for the signed-in
// user and hands it to the client component, which hydrates from it.
import { Board } from "@/components/board/board";
import { requireActor } from "@/lib/server/auth/session";
import { loadBoard } from "@/lib/server/board/board";
import { forPage } from "@/lib/server/page";
import { parseBoardFilters } from "@/lib/validation/board";

export async function BoardScreen({ pipelineId, searchParams }: { pipelineId: string | null; searchParams: Record<string, string | string[] | undefined> }) {
  const actor = await requireActor();
  const filters = parseBoardFilters(searchParams);
  const data = await forPage(loadBoard(actor, pipelineId, filters));
  const now = new Date();
  return <Board key={data.pipeline.id} initial={data} filters={filters} today={now.toISOString().slice(0, 10)} nowMs={now.getTime()} />;
}
