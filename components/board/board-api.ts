// The board's query keys and typed fetchers for its internal read endpoints.
import type { BoardCardsUpdate, BoardData } from "@/lib/server/board/board";
import type { CardPage } from "@/lib/server/board/cards";
import type { ColumnTotals } from "@/lib/server/board/totals";
import { boardFiltersToParams, loadedCountsParam, type BoardFilters } from "@/lib/validation/board";

export const boardKeys = {
  all: ["board"] as const,
  board: (pipelineId: string, filters: BoardFilters) => ["board", pipelineId, boardFiltersToParams(filters).toString()] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `The board could not be loaded (${response.status})`);
  return body as T;
}

function query(filters: BoardFilters, extra: Record<string, string>): string {
  const params = boardFiltersToParams(filters);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/** The board; `loaded` (stage id -> cards shown) reloads columns paged past their first page. */
export function fetchBoard(pipelineId: string, filters: BoardFilters, loaded: Readonly<Record<string, number>> = {}) {
  const counts = loadedCountsParam(loaded);
  return getJson<BoardData>(`/api/board?${query(filters, { pipelineId, ...(counts ? { loaded: counts } : {}) })}`);
}

export const fetchTotals = (pipelineId: string, filters: BoardFilters) =>
  getJson<Record<string, ColumnTotals>>(`/api/board/totals?${query(filters, { pipelineId })}`);

export const fetchCards = (pipelineId: string, filters: BoardFilters, ids: readonly string[]) =>
  getJson<BoardCardsUpdate>(`/api/board/cards?${query(filters, { pipelineId, ids: ids.join(",") })}`);

export const fetchColumnPage = (stageId: string, filters: BoardFilters, cursor: string) =>
  getJson<CardPage>(`/api/board/stages/${encodeURIComponent(stageId)}/cards?${query(filters, { cursor })}`);

/** The board's address for a pipeline and filters (the URL holds the state). */
export function boardHref(pipelineId: string, filters: BoardFilters): string {
  const params = boardFiltersToParams(filters).toString();
  return `/board/${pipelineId}${params ? `?${params}` : ""}`;
}
