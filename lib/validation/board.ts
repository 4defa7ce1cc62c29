// The board's URL state: pipeline, owner, text search, expected-close range
// and labels. Unknown or malformed values fall back to "no filter": a
// hand-edited URL never breaks the board.
import { z } from "zod";
import { isIsoDate } from "./opportunity-fields";

const isoDay = z
  .string()
  .refine(isIsoDate)
  .nullable()
  .catch(null);

export const boardFiltersSchema = z.object({
  /** "" everyone, "me" the signed-in user, otherwise a user id. */
  owner: z.string().trim().max(64).catch(""),
  q: z.string().trim().max(200).catch(""),
  closeFrom: isoDay,
  closeTo: isoDay,
  labels: z.array(z.string().trim().min(1).max(40)).max(20).catch([]),
  /** "none": deals with no open activity; "overdue": with an open activity past due. */
  activity: z.enum(["none", "overdue"]).nullable().catch(null),
});

export type BoardFilters = z.infer<typeof boardFiltersSchema>;

export const EMPTY_FILTERS: BoardFilters = { owner: "", q: "", closeFrom: null, closeTo: null, labels: [], activity: null };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function single(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
}

export function parseBoardFilters(params: Params): BoardFilters {
  const labels = single(params, "labels");
  return boardFiltersSchema.parse({
    owner: single(params, "owner") ?? "",
    q: single(params, "q") ?? "",
    closeFrom: single(params, "closeFrom") ?? null,
    closeTo: single(params, "closeTo") ?? null,
    labels: labels ? labels.split(",").filter(Boolean) : [],
    activity: single(params, "activity") ?? null,
  });
}

/** The filters as URL parameters (only the ones set), for links and fetches. */
export function boardFiltersToParams(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.owner) params.set("owner", filters.owner);
  if (filters.q) params.set("q", filters.q);
  if (filters.closeFrom) params.set("closeFrom", filters.closeFrom);
  if (filters.closeTo) params.set("closeTo", filters.closeTo);
  if (filters.labels.length) params.set("labels", filters.labels.join(","));
  if (filters.activity) params.set("activity", filters.activity);
  return params;
}

export function hasFilters(filters: BoardFilters): boolean {
  return boardFiltersToParams(filters).size > 0;
}

/** Opaque column cursor: the last card's rank and id. */
export const columnPageSchema = z.object({
  cursor: z
    .string()
    .max(300)
    .regex(/^[0-9A-Za-z]+~[0-9A-Za-z-]+$/, "Not a valid cursor")
    .nullable()
    .catch(null),
});

/** The most cards one live update asks for at once; past it the board reloads. */
export const BOARD_CARDS_MAX = 50;

/** Cards by id for a live update: `pipelineId` and `ids=<id>,<id>,...` (at most BOARD_CARDS_MAX). */
export const boardCardsSchema = z.object({
  pipelineId: z.string().trim().min(1, "Required").max(64, "Not a valid id"),
  ids: z
    .string({ error: "Required" })
    .transform((v) => [...new Set(v.split(",").map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64, "Not a valid id")).min(1, "Required").max(BOARD_CARDS_MAX, `At most ${BOARD_CARDS_MAX} ids`)),
});

export const BOARD_PAGE_SIZE = 50;

/** The most cards of one column a refresh reloads; the client keeps what it showed beyond. */
export const BOARD_REFRESH_MAX = 2000;

const loadedEntry = /^([0-9A-Za-z-]{1,64}):(\d{1,6})$/;

/**
 * `loaded=<stageId>:<count>,...`: how many cards of each column the board
 * shows, so that a refresh reloads as many instead of dropping back to the
 * first page. Malformed entries are ignored; counts are capped.
 */
export function parseLoadedCounts(value: string | null | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of (value ?? "").split(",").slice(0, 50)) {
    const match = loadedEntry.exec(entry);
    if (match) counts[match[1]] = Math.min(Number(match[2]), BOARD_REFRESH_MAX);
  }
  return counts;
}

export function loadedCountsParam(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .map(([stageId, count]) => `${stageId}:${count}`)
    .join(",");
}
