// A strict Content-Security-Policy with a fresh nonce for every page: Next.js
// puts the nonce on its own scripts, and nothing else may run.
import { NextResponse, type NextRequest } from "next/server";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { urlNulFields } from "@/lib/validation/nul";

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * Next.js answers a server action whose body is over its 1 MB limit with a
 * bare 500 (a TODO in its action handler); refuse it here first, as the API
 * refuses its own bodies over 1 MB.
 */
function oversizedAction(request: NextRequest): boolean {
  return request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES;
}

export function proxy(request: NextRequest) {
  if (oversizedAction(request)) {
    return NextResponse.json({ error: { code: "BAD_REQUEST", message: "The request body is larger than 1 MB" } }, { status: 400 });
  }
  // Pages and the CSV export read their URL into database queries; a NUL would fail there (lib/validation/nul.ts).
  const nul = urlNulFields(new URL(request.url));
  if (nul) return NextResponse.json({ error: { code: "VALIDATION", message: "Some fields are invalid", fields: nul } }, { status: 422 });
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
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
