import type { Metadata } from "next";
import { BoardScreen } from "../board-screen";

export const metadata: Metadata = { title: "Board" };

export default async function PipelineBoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ pipelineId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { pipelineId } = await params;
  return <BoardScreen pipelineId={pipelineId} searchParams={await searchParams} />;
}
