// A state-changing request that authenticates with the session cookie must
// come from the app's own pages (defence against cross-site request forgery
// on top of SameSite=Lax cookies).
import { requestHost } from "./forwarded";

/** Whether an Origin header names the host the request was sent to (false for "null" and garbage). */
export function originMatchesHost(origin: string, host: string | null): boolean {
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) return originMatchesHost(origin, requestHost(request.headers) ?? new URL(request.url).host);
  // Browsers always send Origin on cross-site POSTs; without it, trust only an explicit same-origin fetch.
  return request.headers.get("sec-fetch-site") === "same-origin";
}
