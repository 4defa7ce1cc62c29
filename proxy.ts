// Runs before every page and server action (and before API paths with a
// %-escape in them, only for the checks of lib/api/edge-guards.ts: requests
// Next.js itself would mishandle are refused first): gives the request its id,
// answers pages with 503 while the database is known to be down
// (availability.ts), and sets a strict Content-Security-Policy with a fresh
// nonce, which Next.js puts on its own scripts so that nothing else may run.
import { NextResponse, type NextRequest } from "next/server";
import { refusedAtTheEdge } from "@/lib/api/edge-guards";
import { databaseAvailable } from "@/lib/db/availability";
import { requestIdFrom } from "@/lib/server/request-id";
import { unavailablePage } from "@/lib/server/unavailable-page";

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/** Page loads and navigations; server actions (POST with Next-Action) still run and answer with their own error. */
function isPageRequest(request: NextRequest): boolean {
  return (request.method === "GET" || request.method === "HEAD") && !request.headers.has("next-action");
}

export async function proxy(request: NextRequest) {
  const refused = await refusedAtTheEdge(request);
  if (refused) return refused;
  // API paths come here only to be checked (see the matcher); the API wrapper does the rest.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const requestId = requestIdFrom(request.headers);
  if (isPageRequest(request) && !(await databaseAvailable())) return unavailablePage(requestId);

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const https = isHttps(request);
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (drag transforms, chart colours) need 'unsafe-inline'; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    // API paths with a %-escape in them, for refusedAtTheEdge (ids are plain, so ordinary API calls skip the proxy).
    "/api/:path(.*%.*)",
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
