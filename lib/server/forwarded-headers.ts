// Without a trusted reverse proxy (TRUST_PROXY=0) the X-Forwarded-* headers
// of a request are the client's own words: Next.js keeps a client's
// X-Forwarded-For (it only fills it in when absent), so the sign-in throttle
// would count guesses under any address the guesser names, and Auth.js and
// Next.js's server action check would take a forged X-Forwarded-Host for the
// host. App Router code never sees the socket, so this rewrites the headers
// where Node's HTTP server publishes each request, before Next.js reads them:
// X-Forwarded-For becomes the socket's address and the other forwarded headers
// go (Next.js then fills X-Forwarded-Host/-Proto/-Port from the Host header
// and the socket).
import dc from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { trustedProxies } from "@/lib/api/forwarded";

const UNTRUSTED = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

export function replaceForwardedHeaders(request: IncomingMessage): void {
  for (const name of UNTRUSTED) delete request.headers[name];
  const address = request.socket?.remoteAddress;
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
}

let installed = false;

export function ignoreUntrustedForwardedHeaders(): void {
  if (installed || trustedProxies() > 0) return;
  installed = true;
  dc.subscribe("http.server.request.start", (message) => replaceForwardedHeaders((message as { request: IncomingMessage }).request));
}
