// The page a browser gets while the database cannot be reached: 503 with
// Retry-After, no script (the strict CSP stays intact), and a refresh that
// brings the person back to what they asked for once the database is back.
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "./errors";

const HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${UNAVAILABLE_RETRY_AFTER_SECONDS}"><title>Temporarily unavailable · Pipeline CRM</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0;padding:1rem;box-sizing:border-box}
main{max-width:28rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:1.25rem;margin:0 0 .5rem}p{color:#475569;line-height:1.5;margin:.5rem 0 0}</style></head>
<body><main><h1>Pipeline CRM is temporarily unavailable</h1>
<p>The database cannot be reached right now. Nothing you saved is lost.</p>
<p>This page tries again every ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds.</p></main></body></html>`;

export function unavailablePage(requestId: string): Response {
  return new Response(HTML, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS),
      "X-Request-Id": requestId,
    },
  });
}
