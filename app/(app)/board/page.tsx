import type { Metadata } from "next";
import { BoardScreen } from "./board-screen";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <BoardScreen pipelineId={null} searchParams={await searchParams} />;
}
