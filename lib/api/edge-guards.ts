// Requests refused before Next.js routes them (called from proxy.ts), because
// Next.js itself would answer them with a bare 500 or let them reach a
// database query: each gets the API's error shape and a 4xx instead.
import { urlNulFields } from "@/lib/validation/nul";
import { MAX_BODY_BYTES } from "./body";

const json = (status: number, error: { code: string; message: string; fields?: Record<string, string> }) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function refusedAtTheEdge(request: Request): Response | null {
  const url = new URL(request.url);
  // Next.js answers a path it cannot decode (a malformed %-escape) with a plain-text 500.
  if (!decodable(url.pathname)) return json(400, { code: "BAD_REQUEST", message: "The address is not properly percent-encoded" });
  // Next.js answers a server action body over its 1 MB limit with a 500 (a TODO in its action handler).
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return json(400, { code: "BAD_REQUEST", message: "The request body is larger than 1 MB" });
  }
  // Pages and the CSV export read their URL into database queries, where a NUL fails (lib/validation/nul.ts);
  // API routes check their own input, naming the field.
  const nul = url.pathname.startsWith("/api/") ? null : urlNulFields(url);
  if (nul) return json(422, { code: "VALIDATION", message: "Some fields are invalid", fields: nul });
  return null;
}
