// List paging per DESIGN.md: ?limit= (default 20, max 100) with ?offset= or an
// opaque ?cursor= from the previous page; answers { data, total, hasMore, nextCursor }.
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { queryInteger } from "@/lib/validation/query-integer";
import { RawJson } from "./reply";

/** Far past any real list; a hand-made cursor cannot go further either (the database refuses huge offsets). */
const MAX_OFFSET = 10_000_000;

export const pagingQuery = {
  limit: queryInteger(1, 100, 20).default(20),
  offset: queryInteger(0, MAX_OFFSET).optional(),
  cursor: z.string().max(200).optional(),
};

export interface PageWindow {
  skip: number;
  take: number;
}

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    total: z.number().int(),
    hasMore: z.boolean(),
    nextCursor: z.string().nullable(),
  });
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof value.o === "number" && Number.isInteger(value.o) && value.o >= 0 && value.o <= MAX_OFFSET) return value.o;
  } catch {
    /* falls through */
  }
  throw new AppError("VALIDATION", "Invalid cursor", { cursor: "Use the nextCursor of the previous page" });
}

export function pageWindow(query: { limit: number; offset?: number; cursor?: string }): PageWindow {
  if (query.cursor !== undefined && query.offset !== undefined) {
    throw new AppError("VALIDATION", "Use either offset or cursor", { cursor: "Cannot be combined with offset" });
  }
  return { skip: query.cursor !== undefined ? decodeCursor(query.cursor) : (query.offset ?? 0), take: query.limit };
}

export function pageOf<T>(data: T[], total: number, window: PageWindow) {
  const next = window.skip + data.length;
  const hasMore = next < total;
  return { data, total, hasMore, nextCursor: hasMore ? encodeCursor(next) : null };
}

/** pageOf for items that are already JSON texts: the envelope is written around them, nothing is parsed. */
export function pageOfJson(items: string[], total: number, window: PageWindow): RawJson {
  const { data: _data, ...rest } = pageOf(items, total, window);
  return new RawJson(`{"data":[${items.join(",")}],${JSON.stringify(rest).slice(1)}`);
}
