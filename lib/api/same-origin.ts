// A state-changing request that authenticates with the session cookie must
// come from the app's own pages (defence against cross-site request forgery
// on top of SameSite=Lax cookies).
export function isSameOrigin(request: Request): boolean {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  const origin = request.headers.get("origin");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  // Browsers always send Origin on cross-site POSTs; without it, trust only an explicit same-origin fetch.
  return request.headers.get("sec-fetch-site") === "same-origin";
}
