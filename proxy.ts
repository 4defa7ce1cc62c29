// A strict Content-Security-Policy with a fresh nonce for every page: Next.js
// puts the nonce on its own scripts, and nothing else may run. Requests that
// Next.js would mishandle are refused first (lib/api/edge-guards.ts).
import { NextResponse, type NextRequest } from "next/server";
import { refusedAtTheEdge } from "@/lib/api/edge-guards";

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export function proxy(request: NextRequest) {
  const refused = refusedAtTheEdge(request);
  if (refused) return refused;
  // API paths come here only to be checked (see the matcher); their headers are next.config.js's.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
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
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
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
