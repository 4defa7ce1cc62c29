import { AppError } from "@/lib/server/errors";

// What a route handler returns when it needs more than "200 and this JSON":
// another status, a Location, an ETag.
export class ApiReply {
  constructor(
    readonly body: unknown,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A response body that is already JSON text (built by the database): sent as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const created = (body: unknown, location: string, headers: Record<string, string> = {}) =>
  new ApiReply(body, 201, { Location: location, ...headers });

/** A strong ETag from an object's version. */
export const versionETag = (version: number) => `"${version}"`;

/** If-Match as a client sent it, or null when absent or `*` ("any version": RFC 9110, the write applies). */
function ifMatchOf(request: Request): string | null {
  const value = request.headers.get("if-match")?.trim();
  return value && value !== "*" ? value : null;
}

/** The version a client expects, from If-Match ("5", W/"5") or a `version` field; null when it sent neither. */
export function expectedVersion(request: Request, bodyVersion?: number | null): number | null {
  const ifMatch = ifMatchOf(request);
  if (ifMatch) {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch);
    // An If-Match that names no version of ours can never match.
    if (!match) throw new AppError("CONFLICT", "If-Match does not match the current version; read the object again");
    return Number(match[1]);
  }
  return bodyVersion ?? null;
}

/** The ETag of an object guarded by its updatedAt (objects without a version): the timestamp itself. */
export const timestampETag = (updatedAt: string) => `"${updatedAt}"`;

/**
 * The updatedAt a client expects, from If-Match (an ETag of ours) or an `updatedAt`
 * field; null when it sent neither. Compared to the millisecond, as stored.
 */
export function expectedUpdatedAt(request: Request, bodyUpdatedAt?: string | null): Date | null {
  const ifMatch = ifMatchOf(request);
  const raw = ifMatch ? /^(?:W\/)?"?([^"]+)"?$/.exec(ifMatch)?.[1] : bodyUpdatedAt;
  if (!raw) {
    if (ifMatch) throw new AppError("CONFLICT", "If-Match does not match the current version; read the object again");
    return null;
  }
  const at = new Date(raw);
  // An If-Match that names no timestamp can never match; a bad body field was refused by its schema.
  if (Number.isNaN(at.getTime())) throw new AppError("CONFLICT", "If-Match does not match the current version; read the object again");
  return at;
}
