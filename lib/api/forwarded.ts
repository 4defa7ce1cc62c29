// Who sent a request, and to which host, as far as the deployment lets us
// know. X-Forwarded-For and X-Forwarded-Host are only as trustworthy as
// whoever wrote them: a reverse proxy we stand behind (TRUST_PROXY, the number
// of proxies in front of the app), or else the client, who may write anything.
// Without a trusted proxy lib/server/forwarded-headers.ts replaces
// X-Forwarded-For with the socket's address and drops the other forwarded
// headers as each request arrives, so Next.js, Auth.js and this module all see
// the same, true values; the functions below honour the setting on their own too.
import { env } from "@/lib/env";

interface HeaderSource {
  get(name: string): string | null;
}

export function trustedProxies(): number {
  return env().TRUST_PROXY;
}

/** "::ffff:127.0.0.1" (an IPv4 client of a dual-stack socket) reads as "127.0.0.1". */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address: each trusted proxy appends the address it was called
 * from, so with `hops` proxies the client is the `hops`-th entry from the
 * right; entries further left are whatever the client sent. Without a proxy
 * the one entry is the socket's address (set as the request arrived).
 */
export function clientAddress(headers: HeaderSource, hops = trustedProxies()): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const index = Math.max(0, entries.length - Math.max(1, hops));
  return normalizeAddress(entries[index]);
}

/** The host the client asked for: the proxy's X-Forwarded-Host when a proxy is trusted, else the Host header. */
export function requestHost(headers: HeaderSource, hops = trustedProxies()): string | null {
  const forwarded = hops > 0 ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}
